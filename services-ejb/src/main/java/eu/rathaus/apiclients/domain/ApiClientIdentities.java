package eu.rathaus.apiclients.domain;

import java.util.List;

/**
 * The identity provider's side of an API client: a confidential OAuth2 client whose tokens name the
 * municipality ({@code rathaus_municipality}) and the API client ({@code rathaus_api_client}).
 * Every method throws {@link IllegalStateException} if the identity provider cannot be reached or
 * refuses.
 */
public interface ApiClientIdentities {

  /**
   * Creates the client: client credentials always (for the public API); with {@code
   * onBehalfOfCitizens} also the authorization code flow with PKCE to the given redirect URIs and
   * the realm role {@code citizen} in its tokens.
   *
   * @return the client's secret, shown once
   */
  String create(
      String clientId,
      String name,
      String municipalitySlug,
      String apiClientId,
      boolean onBehalfOfCitizens,
      List<String> redirectUris);

  /** Issues a new secret; the old one stops working at once. */
  String newSecret(String clientId);

  void setEnabled(String clientId, boolean enabled);

  /** Removes the client; tokens it issued are then refused by the portal's gate. */
  void delete(String clientId);
}
