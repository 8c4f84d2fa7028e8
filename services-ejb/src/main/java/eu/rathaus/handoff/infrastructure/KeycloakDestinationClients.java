package eu.rathaus.handoff.infrastructure;

import eu.rathaus.handoff.domain.DestinationClients;
import eu.rathaus.identity.admin.LazyClientRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * {@link DestinationClients} on Keycloak: the client's access tokens carry {@code
 * rathaus_municipality} (the slug) and {@code rathaus_destination} (the id), which the Subscriber
 * API checks against the path.
 */
@ApplicationScoped
public class KeycloakDestinationClients implements DestinationClients {

  private final LazyClientRegistry registry = new LazyClientRegistry();

  @Override
  public String ensureClientWithNewSecret(
      String clientId, String municipalitySlug, String destinationId) {
    try {
      return registry
          .get()
          .ensureServiceClientWithNewSecret(
              clientId,
              "Fachverfahren " + municipalitySlug + " " + destinationId,
              Map.of(
                  "rathaus_municipality", municipalitySlug, "rathaus_destination", destinationId));
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    registry.close();
  }
}
