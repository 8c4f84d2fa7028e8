package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.PageRequests;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: with Keycloak down, "Anmelden" leads to the portal's own page "Anmeldung gerade nicht
 * möglich" (503, Retry-After) instead of the browser's "connection refused"; public pages keep
 * working, and sign-in works again by itself once Keycloak is back.
 */
@ExtendWith(ArquillianExtension.class)
class SignInUnavailableIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private HttpResponse<String> get(String path) throws Exception {
    return PageRequests.get(base, path);
  }

  /** The sign-in door's answer once it is {@code expected}, or the last one after a minute. */
  private HttpResponse<String> awaitSignIn(int expected) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    HttpResponse<String> response;
    do {
      response = get("/signin?kc_idp_hint=eid");
      if (response.statusCode() == expected) {
        return response;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    return response;
  }

  @Test
  void signInWithKeycloakDownShowsTheFriendlyPageAndRecoversByItself() throws Exception {
    HttpResponse<String> up = awaitSignIn(302);
    assertThat(up.statusCode()).isEqualTo(302);
    assertThat(up.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?kc_idp_hint=eid"));
    assertThat(up.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    assertThat(get("/").body()).contains("/signin?kc_idp_hint=eid");

    ItStack.stopKeycloak();
    try {
      HttpResponse<String> down = awaitSignIn(503);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(down.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(down.body())
          .contains("Anmeldung gerade nicht möglich", "Signing in is not possible right now")
          .doesNotContain("Exception");
      assertThat(down.headers().allValues("Set-Cookie"))
          .noneMatch(c -> c.startsWith("JSESSIONID="));
      assertThat(get("/signin").statusCode()).as("the staff door too").isEqualTo(503);
      assertThat(get("/municipality.xhtml?m=musterstadt").statusCode())
          .as("public pages need no Keycloak")
          .isEqualTo(200);
    } finally {
      ItStack.startKeycloak();
    }
    HttpResponse<String> back = awaitSignIn(302);
    assertThat(back.statusCode()).isEqualTo(302);
  }
}
