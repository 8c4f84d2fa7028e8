package eu.rathaus.web.api;

import eu.rathaus.identity.BearerTokens;
import eu.rathaus.identity.CurrentUser;
import eu.rathaus.platform.Settings;
import eu.rathaus.web.session.PortalUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The API's one door for people: the {@code Authorization: Bearer} access token of the realm the
 * portal signs in with (configured by {@code OIDC_PROVIDER_URL}), checked by {@link BearerTokens}.
 * No HTTP session is ever made for an API call.
 */
@ApplicationScoped
public class ApiBearer {

  private volatile BearerTokens tokens;

  /** The person of the request's bearer token; empty without a header or with a bad token. */
  public Optional<CurrentUser> user(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return verifier().verify(authorization.substring(7));
  }

  /**
   * The machine client of the request's bearer token (OAuth2 client credentials, e.g. a specialist
   * procedure's destination client); empty without a header or with a bad token.
   */
  public Optional<BearerTokens.ClientCaller> client(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return verifier().verifyClient(authorization.substring(7));
  }

  private BearerTokens verifier() {
    BearerTokens t = tokens;
    if (t == null) {
      synchronized (this) {
        if (tokens == null) {
          tokens =
              BearerTokens.forProvider(
                  PortalUrls.oidcProviderUrl(), Settings.text("OIDC_CLIENT_ID", "rathaus-portal"));
        }
        t = tokens;
      }
    }
    return t;
  }
}
