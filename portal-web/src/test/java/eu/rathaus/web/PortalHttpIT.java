package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal over real HTTP: pages, headers, API, errors and the sign-in redirect to Keycloak. */
@ExtendWith(ArquillianExtension.class)
class PortalHttpIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void landingPageListsMunicipalitiesInGermanWithStrictHeaders() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("lang=\"de\"", "Musterstadt", "Beispielheim", "Anmelden", "Zum Inhalt springen");
    assertThat(page.headers().allValues("Content-Security-Policy"))
        .anySatisfy(p -> assertThat(p).contains("default-src 'self'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body())
        .doesNotContainPattern("(src|href)=\"https?://(?!localhost|127\\.0\\.0\\.1)");
    // One policy header only (PrimeFaces sends none of its own), with a fresh script nonce per
    // response.
    assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==';")
        .doesNotContain("unsafe-inline'; style", "unsafe-eval");
    assertThat(get("/").headers().firstValue("Content-Security-Policy"))
        .as("a new nonce per response")
        .isNotEqualTo(Optional.of(policy));
    assertThat(page.body())
        .as("no inline event handlers")
        .doesNotContainPattern("\\son(click|load|submit|change)=");
  }

  @Test
  void demoInstallationSaysSoOnEveryPage() throws Exception {
    // The test stack runs with RATHAUS_MODE=demo, like ./rathaus up.
    assertThat(get("/").body()).contains("id=\"demo-banner\"", "Demo-Installation");
    assertThat(get("/legal/imprint.xhtml?lang=en").body())
        .contains("id=\"demo-banner\"", "Demo installation");
  }

  @Test
  void searchFiltersWithoutJavaScriptAndEnglishSwitchWorks() throws Exception {
    HttpResponse<String> page = get("/?q=beispiel");
    assertThat(page.body())
        .contains("Beispielheim", "1 Kommune gefunden")
        .doesNotContain("<h3>Musterstadt</h3>");
    HttpResponse<String> english = get("/?q=%3Cscript%3Ealert(1)%3C/script%3E&lang=en");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body())
        .contains("lang=\"en\"", "No municipality found")
        .doesNotContain("<script>alert(1)</script>");
  }

  @Test
  void apiListsMunicipalitiesAsJson() throws Exception {
    HttpResponse<String> json = get("/api/v1/municipalities?q=muster");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json.body())
        .contains("\"slug\":\"musterstadt\"", "\"ags\":\"09199001\"")
        .doesNotContain("beispielheim", "\"id\"");
  }

  @Test
  void unknownPageIsAFriendlyGerman404WithoutStackTrace() throws Exception {
    HttpResponse<String> page = get("/gibt-es-nicht.xhtml");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body())
        .contains("Seite nicht gefunden", "Page not found")
        .doesNotContain("Exception", "at eu.rathaus");
  }

  @Test
  void legalPagesExistInGermanAndEnglish() throws Exception {
    assertThat(get("/legal/accessibility.xhtml").body())
        .contains("Erklärung zur Barrierefreiheit", "BITV 2.0");
    assertThat(get("/legal/privacy.xhtml").body()).contains(">Datenschutz</h1>");
    assertThat(get("/legal/imprint.xhtml?lang=en").body()).contains("<h1>Legal notice</h1>");
  }

  @Test
  void apiIsDescribedByOpenApi() throws Exception {
    HttpResponse<String> openapi = get("/openapi");
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/municipalities");
  }

  @Test
  void signInLinkSendsTheBrowserToKeycloak() throws Exception {
    HttpResponse<String> login = get("/login");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location"))
        .hasValueSatisfying(
            l ->
                assertThat(l)
                    .startsWith(
                        "http://localhost:18180/realms/rathaus/protocol/openid-connect/auth")
                    .contains("client_id=rathaus-portal"));
  }
}
