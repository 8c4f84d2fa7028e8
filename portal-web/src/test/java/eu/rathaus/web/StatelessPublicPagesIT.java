package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.PageRequests;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: anonymous visitors of public pages get no HTTP session. Every public page group is
 * requested many times without cookies; no response sets {@code JSESSIONID} and WildFly's own
 * session counter of the deployment (management API, undertow statistics) does not move. Signing in
 * still starts a session.
 */
@ExtendWith(ArquillianExtension.class)
class StatelessPublicPagesIT {

  /** Every public page group: pages, searches, language switch, API, error pages, resources. */
  private static final List<String> PUBLIC =
      List.of(
          "/",
          "/?q=beispiel",
          "/?lang=en",
          "/municipality.xhtml?m=musterstadt",
          "/municipality.xhtml?m=musterstadt&q=Hund",
          "/municipality.xhtml?m=musterstadt&lang=en",
          "/service.xhtml?m=musterstadt&s=demo.bewohnerparkausweis",
          "/service.xhtml?m=beispielheim&s=demo.fundsache-verlust&lang=de",
          "/legal/imprint.xhtml",
          "/legal/privacy.xhtml",
          "/legal/privacy.xhtml?m=musterstadt",
          "/legal/privacy.xhtml?m=gibt-es-nicht",
          "/legal/accessibility.xhtml",
          "/leichte-sprache.xhtml",
          "/gebaerdensprache.xhtml?m=musterstadt",
          "/gebaerdensprache.xhtml?m=gibt-es-nicht",
          "/lostproperty/search.xhtml?m=musterstadt",
          "/lostproperty/search.xhtml?m=musterstadt&category=keys&from=2020-01-01&to=2099-12-31&place=Markt&q=Schl%C3%BCssel",
          "/lostproperty/search.xhtml?m=beispielheim&from=kaputt&lang=en",
          "/lostproperty/search.xhtml?m=gibt-es-nicht",
          "/lostproperty/photo?id=kaputt",
          "/lostproperty/photo?id=f0d1e000-0000-4000-8000-000000000001",
          "/verify",
          "/verify?code=2222-3333-4444",
          "/verify.xhtml?code=%3Cscript%3E&lang=en",
          "/api/v1/municipalities",
          "/api/v1/municipalities/musterstadt/services?q=Hund",
          "/api/v1/gibt-es-nicht",
          "/openapi",
          "/municipality.xhtml?m=gibt-es-nicht",
          "/service.xhtml?m=musterstadt&s=gibt.es.nicht",
          "/gibt-es-nicht.xhtml",
          "/errors/not-found.html",
          "/resources/rathaus/css/rathaus.css");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;
  @ArquillianResource ManagementClient management;

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    return PageRequests.get(base, path, headers);
  }

  /** Sessions this deployment has created so far, as WildFly's undertow statistics count them. */
  private long sessionsCreated() throws Exception {
    ModelNode op = new ModelNode();
    op.get("operation").set("read-attribute");
    op.get("address").add("deployment", "rathaus.war").add("subsystem", "undertow");
    op.get("name").set("sessions-created");
    ModelNode result = management.getControllerClient().execute(op);
    assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    return result.get("result").asLong();
  }

  private static boolean setsSessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .anyMatch(c -> c.startsWith("JSESSIONID="));
  }

  @Test
  void anonymousVisitorsOfEveryPublicPageGroupCreateNoSession() throws Exception {
    long before = sessionsCreated();
    for (int round = 0; round < 10; round++) {
      for (String path : PUBLIC) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isIn(200, 404);
        assertThat(setsSessionCookie(response))
            .as("%s sets %s", path, response.headers().allValues("Set-Cookie"))
            .isFalse();
      }
    }
    assertThat(sessionsCreated())
        .as("sessions created by %d page views", 10 * PUBLIC.size())
        .isEqualTo(before);
  }

  @Test
  void theLanguageChoiceIsACookieNotASession() throws Exception {
    long before = sessionsCreated();
    HttpResponse<String> switched = get("/municipality.xhtml?m=musterstadt&lang=en");
    assertThat(switched.statusCode()).isEqualTo(200);
    assertThat(switched.body()).contains("<html", "lang=\"en\"");
    assertThat(switched.headers().allValues("Set-Cookie"))
        .singleElement()
        .satisfies(c -> assertThat(c).startsWith("rathaus.lang=en").contains("HttpOnly"));
    // The next page, without ?lang, stays English because of the cookie.
    HttpResponse<String> next =
        get("/service.xhtml?m=musterstadt&s=demo.bewohnerparkausweis", "Cookie", "rathaus.lang=en");
    assertThat(next.body()).contains("lang=\"en\"");
    assertThat(setsSessionCookie(next)).isFalse();
    // A forged value is ignored: German.
    assertThat(get("/", "Cookie", "rathaus.lang=xx").body()).contains("lang=\"de\"");
    assertThat(sessionsCreated()).isEqualTo(before);
  }

  @Test
  void theSignInDoorsStillLeadToKeycloak() throws Exception {
    HttpResponse<String> door = get("/signin?kc_idp_hint=eid");
    assertThat(door.statusCode()).isEqualTo(302);
    assertThat(door.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?kc_idp_hint=eid"));
    HttpResponse<String> challenge = get("/login?kc_idp_hint=eid");
    assertThat(challenge.statusCode()).isEqualTo(302);
    assertThat(challenge.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/protocol/openid-connect/auth"));
  }
}
