package eu.rathaus.identity;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcClientConfiguration;
import org.wildfly.security.http.oidc.OidcClientConfigurationBuilder;
import org.wildfly.security.http.oidc.OidcException;
import org.wildfly.security.http.oidc.OidcJsonConfiguration;
import org.wildfly.security.http.oidc.TokenValidator;

/**
 * Verifies OAuth2 bearer access tokens that API clients (apps, chatbots, other portals) present on
 * behalf of a person: with elytron's own {@link TokenValidator}, the same code that checks the
 * portal's sign-ins — signature against the realm's published keys (JWKS, found through the
 * provider's discovery document and refreshed when a key is unknown), issuer, expiry, token type
 * {@code Bearer}. A token of any client of the realm is accepted; what the person may do is decided
 * by the roles and level of assurance in it.
 */
public final class BearerTokens {

  private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());

  private final TokenValidator validator;

  /** Verified tokens, checked once per token rather than once per read (VerifiedTokens). */
  private final VerifiedTokens<AccessToken> verified = new VerifiedTokens<>(10_000, 300_000);

  private BearerTokens(TokenValidator validator) {
    this.validator = validator;
  }

  /**
   * @param providerUrl the realm's URL, e.g. {@code http://localhost:8180/realms/rathaus}
   * @param clientId the portal's client id (names this verifier; audience is not checked)
   */
  public static BearerTokens forProvider(String providerUrl, String clientId) {
    OidcJsonConfiguration json = new OidcJsonConfiguration();
    json.setProviderUrl(providerUrl);
    json.setResource(clientId);
    json.setBearerOnly(true);
    json.setSslRequired(providerUrl.startsWith("https:") ? "external" : "none");
    OidcClientConfiguration configuration = OidcClientConfigurationBuilder.build(json);
    return new BearerTokens(TokenValidator.builder(configuration).build());
  }

  /** The person of a valid token; empty for a forged, expired, foreign or malformed one. */
  public Optional<CurrentUser> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 16_384) {
      return Optional.empty();
    }
    try {
      AccessToken access = verified(token.strip());
      return Optional.of(OidcUserMapper.fromAccessToken(access));
    } catch (OidcException | RuntimeException e) {
      LOG.log(Level.FINE, "Bearer token refused: {0}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * A machine client of the realm (OAuth2 client credentials): its client id ({@code azp}) and the
   * hard-coded claims the portal gave it when it registered the client: the municipality (slug), a
   * hand-off destination's id, an API client's id ({@code rathaus_api_client}, also in the tokens
   * of citizens who signed in through that client).
   */
  public record ClientCaller(
      String clientId, String municipality, String destination, String apiClient) {}

  /** The client of a valid client-credentials token; empty for a bad one or a person's token. */
  public Optional<ClientCaller> verifyClient(String token) {
    if (token == null || token.isBlank() || token.length() > 16_384) {
      return Optional.empty();
    }
    try {
      AccessToken access = verified(token.strip());
      String clientId = access.getClaimValueAsString("azp");
      if (clientId == null || clientId.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(
          new ClientCaller(
              clientId,
              access.getClaimValueAsString("rathaus_municipality"),
              access.getClaimValueAsString("rathaus_destination"),
              access.getClaimValueAsString("rathaus_api_client")));
    } catch (OidcException | RuntimeException e) {
      LOG.log(Level.FINE, "Client token refused: {0}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * The token's claims after elytron's checks, done once per token while it is valid: the expiry
   * was verified at the first use and is kept as the entry's end.
   */
  private AccessToken verified(String token) throws OidcException {
    long now = System.currentTimeMillis();
    Optional<AccessToken> known = verified.get(token, now);
    if (known.isPresent()) {
      return known.get();
    }
    AccessToken access = validator.parseAndVerifyToken(token);
    Long expiry = access.getExpiration(); // seconds since the epoch
    if (expiry != null) {
      verified.put(token, access, expiry * 1000, now);
    }
    return access;
  }
}
