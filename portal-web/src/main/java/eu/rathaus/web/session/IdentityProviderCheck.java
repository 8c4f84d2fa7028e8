package eu.rathaus.web.session;

import eu.rathaus.web.operations.TracedHttp;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether Keycloak answers right now (issue 16): asked before the browser is sent there, because
 * the sign-in redirect goes to Keycloak directly and a dead Keycloak would show the browser's own
 * "connection refused" page instead of the portal's explanation. A positive answer is kept for a
 * few seconds so that a rush of sign-ins costs one request; a negative one is never kept, so the
 * sign-in works again as soon as Keycloak is back.
 */
@ApplicationScoped
public class IdentityProviderCheck {

  private static final Logger LOG = Logger.getLogger(IdentityProviderCheck.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final long KEEP_UP_MILLIS = 5_000;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private volatile long upUntil;

  public boolean isReachable() {
    long now = System.currentTimeMillis();
    if (now < upUntil) {
      return true;
    }
    boolean up = probe(PortalUrls.oidcProviderUrl());
    if (up) {
      upUntil = now + KEEP_UP_MILLIS;
    }
    return up;
  }

  /** The realm's discovery document answers 200 while Keycloak can sign people in. */
  boolean probe(String providerUrl) {
    try {
      URI discovery =
          URI.create(providerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
      HttpResponse<Void> response =
          TracedHttp.send(
              http,
              HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Identity provider not reachable: {0}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
