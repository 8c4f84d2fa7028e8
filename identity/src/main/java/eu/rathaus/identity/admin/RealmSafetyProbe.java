package eu.rathaus.identity.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Questions the production start-up check asks Keycloak: are there demo users in the realm, and
 * does a client still accept the secret published in the repository?
 *
 * <p>Demo users are found two ways: by the attribute {@value #DEMO_ATTRIBUTE}=true that the demo
 * overlay ({@code keycloak/demo/rathaus-realm-demo.json}) gives every demo user, which still finds
 * them if one is renamed or a new one is added to the overlay, and by the published user names,
 * which still finds them if someone imported an older realm file without the attribute.
 */
public final class RealmSafetyProbe {

  /** User attribute that marks a demo user. */
  public static final String DEMO_ATTRIBUTE = "rathaus-demo";

  /** The demo users published in the repository (README, realm overlay). */
  public static final List<String> DEMO_USERNAMES =
      List.of("ben.sachbearbeiter", "berta.admin", "paula.plattform");

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private RealmSafetyProbe() {}

  /**
   * User names of demo users in the realm, sorted; empty if there are none. Throws if Keycloak
   * cannot be asked.
   */
  public static List<String> demoUsers(AdminSettings settings) {
    try (Keycloak keycloak = settings.adminClient()) {
      UsersResource users = keycloak.realm(settings.realm()).users();
      TreeSet<String> found = new TreeSet<>();
      users.searchByAttributes(DEMO_ATTRIBUTE + ":true").stream()
          .map(UserRepresentation::getUsername)
          .forEach(found::add);
      for (String name : DEMO_USERNAMES) {
        users.searchByUsername(name, true).stream()
            .map(UserRepresentation::getUsername)
            .forEach(found::add);
      }
      return List.copyOf(found);
    }
  }

  /**
   * True if Keycloak authenticates {@code clientId} with {@code secret}. Asked at the token
   * introspection endpoint, which authenticates every confidential client the same way whatever
   * grants it may use: 200 means the secret was accepted, 401 that it was refused.
   */
  public static boolean acceptsSecret(AdminSettings settings, String clientId, String secret) {
    String form =
        "token=probe&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    settings.serverUrl()
                        + "/realms/"
                        + settings.realm()
                        + "/protocol/openid-connect/token/introspect"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      int status =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .build()
              .send(request, HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (status == 200 || status == 401) {
        return status == 200;
      }
      throw new IllegalStateException(
          "Keycloak answered " + status + " at its token introspection endpoint");
    } catch (IOException e) {
      throw new IllegalStateException(
          "Keycloak not reachable at " + settings.serverUrl() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking Keycloak", e);
    }
  }
}
