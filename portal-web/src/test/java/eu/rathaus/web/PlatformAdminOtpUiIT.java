package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.launcher.StackConfig;
import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.KeycloakForms;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Realm {@code rathaus} requires a one-time code from platform administrators: one who has none yet
 * is sent to the OTP set-up after the password and gets no further without it. The demo platform
 * admin ({@code paula.plattform}, marked {@code rathaus-demo=true}) is exempt; the other browser
 * tests sign in with her exactly as before.
 */
class PlatformAdminOtpUiIT extends BrowserJourney {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void platformAdminWithoutOtpMustSetItUpBeforeSigningIn() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String username = "pia.plattform-" + suffix;
    String password = "Ein-langes-Passwort-" + suffix;
    createPlatformAdmin(username, password);

    openAccountSignIn();
    KeycloakForms.signIn(browser, username, password);

    Browser.awaitOrExplain(browser, By.id("totp"));
    assertThat(browser.getCurrentUrl())
        .contains("/realms/rathaus/login-actions/required-action")
        .contains("CONFIGURE_TOTP");

    // With the code set up, the sign-in completes; the next sign-in asks for the code after the
    // password.
    String secret = KeycloakForms.enrollTotp(browser);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
        .until(
            d ->
                !d.getCurrentUrl().contains("login-actions")
                    && d.getCurrentUrl().contains("/realms/rathaus/account"));
    browser.manage().deleteAllCookies();
    openAccountSignIn();
    KeycloakForms.signIn(browser, username, password);
    Browser.awaitOrExplain(browser, By.id("otp"));
    assertThat(browser.findElements(By.id("totp"))).as("set up once, not again").isEmpty();
    KeycloakForms.enterTotp(browser, secret);
    assertThat(KeycloakForms.onRealm(browser, "rathaus")).isTrue();
  }

  private static void createPlatformAdmin(String username, String password) throws Exception {
    StackConfig config = ItStack.config();
    String base = config.keycloakUrl();
    String token = adminToken(config);
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(base + "/admin/realms/rathaus/users"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + username
                            + "\",\"enabled\":true,"
                            + "\"email\":\""
                            + username
                            + "@example.org\",\"emailVerified\":true,\"firstName\":\"Pia\",\"lastName\":\"Plattform\","
                            + "\"credentials\":[{\"type\":\"password\",\"value\":\""
                            + password
                            + "\",\"temporary\":false}]}"))
                .build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String userId = location.substring(location.lastIndexOf('/') + 1);
    HttpResponse<String> role =
        send(
            HttpRequest.newBuilder(URI.create(base + "/admin/realms/rathaus/roles/platform-admin"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    assertThat(role.statusCode()).isEqualTo(200);
    HttpResponse<String> mapped =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        base + "/admin/realms/rathaus/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]"))
                .build());
    assertThat(mapped.statusCode()).isEqualTo(204);
  }

  private static String adminToken(StackConfig config) throws Exception {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + URLEncoder.encode(config.keycloakAdminUser(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(config.keycloakAdminPassword(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        config.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher token =
        Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    assertThat(token.find()).isTrue();
    return token.group(1);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Keycloak's account console, which sends a visitor without a session on to the login page. Waits
   * for that page: the console's own profile form also has a field {@code username}.
   */
  private void openAccountSignIn() {
    // The console is a script application that sends the visitor on once it has loaded; on a busy
    // machine that load can stall (CI once waited 60 s on the console's own page). Asking again
    // is what a person would do, so: up to three tries of 30 s each.
    org.openqa.selenium.TimeoutException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      browser.get(ItStack.config().keycloakUrl() + "/realms/rathaus/account");
      try {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
            .until(
                d ->
                    d.getCurrentUrl().contains("/protocol/openid-connect/auth")
                        || d.getCurrentUrl().contains("/login-actions/"));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        last = e;
      }
    }
    throw new AssertionError(
        "Keycloak's account console did not send on to the sign-in; at "
            + browser.getCurrentUrl()
            + ": "
            + browser.findElement(By.tagName("body")).getText(),
        last);
  }
}
