package eu.rathaus.apiclients.infrastructure;

import eu.rathaus.apiclients.domain.ApiClientIdentities;
import eu.rathaus.identity.admin.KeycloakClientRegistry;
import eu.rathaus.identity.admin.LazyClientRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link ApiClientIdentities} on Keycloak: the client's tokens carry {@code rathaus_municipality}
 * (the slug) and {@code rathaus_api_client} (the portal's id of the client), which the API's gate
 * looks up on every request. A client for the submission API has only the realm role {@code
 * citizen} in its scope, so a citizen's token through it never carries staff roles.
 */
@ApplicationScoped
public class KeycloakApiClientIdentities implements ApiClientIdentities {

  private final LazyClientRegistry registry = new LazyClientRegistry();

  @Override
  public String create(
      String clientId,
      String name,
      String municipalitySlug,
      String apiClientId,
      boolean onBehalfOfCitizens,
      List<String> redirectUris) {
    return call(
        r ->
            r.createApiClient(
                clientId,
                "API " + municipalitySlug + ": " + name,
                Map.of("rathaus_municipality", municipalitySlug, "rathaus_api_client", apiClientId),
                onBehalfOfCitizens ? redirectUris : List.of(),
                onBehalfOfCitizens ? List.of("citizen") : List.of()));
  }

  @Override
  public String newSecret(String clientId) {
    return call(r -> r.newSecret(clientId));
  }

  @Override
  public void setEnabled(String clientId, boolean enabled) {
    call(
        r -> {
          r.setEnabled(clientId, enabled);
          return null;
        });
  }

  @Override
  public void delete(String clientId) {
    call(
        r -> {
          r.deleteClient(clientId);
          return null;
        });
  }

  private <T> T call(Function<KeycloakClientRegistry, T> action) {
    try {
      return action.apply(registry.get());
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    registry.close();
  }
}
