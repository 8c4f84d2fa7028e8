package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.KeycloakForms;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 10, "access rights that follow changes, not sign-in", through the whole stack: a signed-in
 * municipal admin whose municipality is suspended is refused at the next request after the status
 * cache (20 s), a platform admin whose role is removed in Keycloak and a user who is disabled there
 * are refused once the 60-second access token is refreshed. Also the header test over the signed-in
 * page groups (office, municipal, admin, citizen) and the NUL byte in the inbox search.
 *
 * <p>The role and disable cases use users this test creates through Keycloak's admin REST API and
 * deletes afterwards; the suspension uses Beispielheim and re-activates it in {@code finally}.
 */
class AccessFollowsChangesUiIT extends BrowserJourney {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  // --- helpers --------------------------------------------------------------------------------

  private void signInAsStaffDoor(String username, String password) throws InterruptedException {
    browser.get(portal + "/");
    browser.findElement(By.id("login-staff")).click();
    KeycloakForms.signIn(browser, username, password);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60))
        .until(
            d ->
                !d.findElements(By.id("signed-in-user")).isEmpty()
                    || !d.findElements(By.id("totp")).isEmpty());
    if (!browser.findElements(By.id("totp")).isEmpty()) {
      KeycloakForms.enrollTotp(
          browser); // a platform admin sets up the one-time code at the first sign-in
    }
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
  }

  /**
   * Polls {@code path} with the browser's session until the status satisfies {@code refused}, at
   * most {@code limit}; returns how long it took. Each poll is a real request, the signal waited
   * on.
   */
  private Duration awaitStatus(String path, IntPredicate refused, Duration limit) throws Exception {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    int status = fetchWithSession(path).statusCode();
    while (!refused.test(status)) {
      assertThat(System.nanoTime())
          .as("%s still answered %d after %s", path, status, limit)
          .isLessThan(deadline);
      Thread.sleep(1000); // one request per second while waiting for the change to arrive
      status = fetchWithSession(path).statusCode();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void setStatus(String slug, String status) throws Exception {
    try (Connection c = Jdbc.owner();
        PreparedStatement s =
            c.prepareStatement("update municipality set status = ? where slug = ?")) {
      s.setString(1, status);
      s.setString(2, slug);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  private void assertPrivateHeaders(String path) throws Exception {
    HttpResponse<byte[]> page = fetchWithSession(path);
    assertThat(page.statusCode()).as(path).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control"))
        .as("Cache-Control of %s", path)
        .hasValue("no-store");
    assertThat(page.headers().firstValue("Strict-Transport-Security"))
        .as("demo: no HSTS on %s", path)
        .isEmpty();
    HardeningHttpIT.assertSameSiteOnEveryCookie(page);
  }

  // --- Keycloak admin REST (the test's own users)
  // --------------------------------------------------

  private static String adminToken() throws Exception {
    var config = ItStack.config();
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + URLEncoder.encode(config.keycloakAdminUser(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(config.keycloakAdminPassword(), StandardCharsets.UTF_8);
    HttpResponse<String> token =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        config.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
    assertThat(m.find()).as("admin token: %s", token.body()).isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> admin(String method, String path, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(ItStack.config().keycloakUrl() + "/admin/realms/rathaus" + path))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A local rathaus user with one realm role; returns its id. */
  private static String createUser(String username, String password, String role) throws Exception {
    HttpResponse<String> created =
        admin(
            "POST",
            "/users",
            "{\"username\":\""
                + username
                + "\",\"enabled\":true,\"emailVerified\":true,"
                + "\"firstName\":\"Iris\",\"lastName\":\"Test\",\"email\":\""
                + username
                + "@it-test.example\","
                + "\"credentials\":[{\"type\":\"password\",\"value\":\""
                + password
                + "\",\"temporary\":false}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(
            admin("POST", "/users/" + id + "/role-mappings/realm", "[" + role(role) + "]")
                .statusCode())
        .isEqualTo(204);
    return id;
  }

  private static String role(String name) throws Exception {
    HttpResponse<String> role = admin("GET", "/roles/" + name, null);
    assertThat(role.statusCode()).isEqualTo(200);
    return role.body();
  }

  private static void deleteUser(String id) throws Exception {
    if (id != null) {
      admin("DELETE", "/users/" + id, null);
    }
  }

  // --- the journeys
  // --------------------------------------------------------------------------------

  @Test
  void suspendingTheMunicipalityRefusesItsSignedInAdminAtTheNextRequests() throws Exception {
    signInAsStaffDoor("berta.admin", "demo");
    try {
      assertPrivateHeaders("/office/inbox.xhtml");
      assertPrivateHeaders("/municipal/services.xhtml");
      assertPrivateHeaders("/");

      // A NUL byte in the search (PostgreSQL refuses it in text) is dropped, and the clerk is told.
      HttpResponse<byte[]> nul = fetchWithSession("/office/inbox.xhtml?q=%00");
      assertThat(nul.statusCode()).isEqualTo(200);
      assertThat(new String(nul.body(), StandardCharsets.UTF_8))
          .contains("Steuerzeichen")
          .doesNotContain("Exception");
      HttpResponse<byte[]> mixed = fetchWithSession("/office/inbox.xhtml?q=BSP%00-2026%01");
      assertThat(mixed.statusCode()).isEqualTo(200);

      // Suspended by the platform (here straight in the database, as another cluster node would see
      // it).
      setStatus("beispielheim", "SUSPENDED");
      Duration took =
          awaitStatus("/office/inbox.xhtml", status -> status == 403, Duration.ofSeconds(60));
      assertThat(took).as("the status cache is 20 s").isLessThan(Duration.ofSeconds(30));
      assertThat(fetchWithSession("/municipal/services.xhtml").statusCode()).isEqualTo(403);
      browser.get(portal + "/office/inbox.xhtml");
      Browser.awaitOrExplain(browser, By.tagName("h1"));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kein Zugriff");
    } finally {
      setStatus("beispielheim", "ACTIVE");
    }
    awaitStatus("/office/inbox.xhtml", status -> status == 200, Duration.ofSeconds(60));
  }

  @Test
  void aPlatformAdminWhoseRoleIsRemovedInKeycloakIsRefusedWithinAMinute() throws Exception {
    String username = "it-plattform-" + UUID.randomUUID().toString().substring(0, 8);
    String id = createUser(username, "It-Test-Passwort-1", "platform-admin");
    try {
      signInAsStaffDoor(username, "It-Test-Passwort-1");
      assertPrivateHeaders("/admin/municipalities.xhtml");

      HttpResponse<String> removed =
          admin(
              "DELETE",
              "/users/" + id + "/role-mappings/realm",
              "[" + role("platform-admin") + "]");
      assertThat(removed.statusCode()).isEqualTo(204);
      // Refused: 403 once the refreshed token lacks the role, or the sign-in challenge (302 to
      // Keycloak) if Keycloak refuses the refresh outright and the portal session ends.
      Duration took =
          awaitStatus(
              "/admin/municipalities.xhtml",
              status -> status == 403 || status == 302,
              Duration.ofSeconds(100));
      assertThat(took).as("access token lifespan 60 s").isLessThan(Duration.ofSeconds(75));
      HttpResponse<byte[]> after = fetchWithSession("/admin/municipalities.xhtml");
      assertThat(new String(after.body(), StandardCharsets.UTF_8)).doesNotContain("Musterstadt");
    } finally {
      deleteUser(id);
    }
  }

  @Test
  void aUserDisabledInKeycloakLosesTheSessionWithinAMinute() throws Exception {
    String username = "it-buerger-" + UUID.randomUUID().toString().substring(0, 8);
    String id = createUser(username, "It-Test-Passwort-2", "citizen");
    try {
      signInAsStaffDoor(username, "It-Test-Passwort-2");
      assertPrivateHeaders("/citizen/profile.xhtml");

      assertThat(admin("PUT", "/users/" + id, "{\"enabled\":false}").statusCode()).isEqualTo(204);
      // The refresh fails, elytron-oidc-client ends the session: the citizen area asks to sign in
      // again.
      Duration took =
          awaitStatus("/citizen/profile.xhtml", status -> status == 302, Duration.ofSeconds(100));
      assertThat(took).as("access token lifespan 60 s").isLessThan(Duration.ofSeconds(75));
      HttpResponse<byte[]> after = fetchWithSession("/citizen/profile.xhtml");
      assertThat(after.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).contains("/login"));
      browser.get(portal + "/");
      assertThat(browser.findElements(By.id("signed-in-user")))
          .as("signed out everywhere")
          .isEmpty();
    } finally {
      deleteUser(id);
    }
  }

  @Test
  void signOutIsAFormWithTheSessionsTokenAndAForgedPostIsRefused() throws Exception {
    signInAsStaffDoor("ben.sachbearbeiter", "demo");
    org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    HttpResponse<String> forged =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(portal + "/signout"))
                    .header("Cookie", "JSESSIONID=" + session.getValue())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=guessed"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(fetchWithSession("/office/inbox.xhtml").statusCode())
        .as("still signed in")
        .isEqualTo(200);
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login"));
    assertThat(browser.findElements(By.id("signed-in-user"))).isEmpty();
    assertThat(List.of(browser.getCurrentUrl())).allSatisfy(u -> assertThat(u).startsWith(portal));
  }
}
