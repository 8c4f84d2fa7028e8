package eu.rathaus.apiclients.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An API client of a municipality. {@code clientId} is the Keycloak client id; {@code
 * ratePerMinute} null means the installation's default.
 */
public record ApiClient(
    UUID id,
    UUID municipalityId,
    String clientId,
    String name,
    Set<ApiScope> scopes,
    List<String> redirectUris,
    Integer ratePerMinute,
    boolean enabled,
    Instant createdAt,
    Instant secretIssuedAt)
    implements Serializable {

  public ApiClient {
    scopes = Set.copyOf(scopes);
    redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
  }

  /** The Keycloak client id of a new API client: recognisable, unique, never reused. */
  public static String clientIdOf(String municipalitySlug, UUID id) {
    return "api-" + municipalitySlug + "-" + id.toString().substring(0, 8);
  }

  public boolean may(ApiScope scope) {
    return enabled && scopes.contains(scope);
  }
}
