package eu.rathaus.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalogue over real HTTP, as other portals and browsers without JavaScript see it: the JSON
 * API (shape, search, 404 as JSON, OpenAPI) and the two pages (German/English, escaping, 404).
 */
@ExtendWith(ArquillianExtension.class)
class CatalogueHttpIT {

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

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void apiListsTheParkingPermitWithFeeLevelAndVersion() throws Exception {
    HttpResponse<String> json = get("/api/v1/municipalities/musterstadt/services?q=Parkausweis");

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json.body())
        .startsWith("[{")
        .contains(
            "\"key\":\"demo.bewohnerparkausweis\"",
            "\"title\":\"Bewohnerparkausweis beantragen\"",
            "\"category\":\"Verkehr\"",
            "\"cents\":3000",
            "\"maxCents\":6000",
            "\"currency\":\"EUR\"",
            "\"formatted\":\"30,00 € bis 60,00 €\"",
            "\"requiredLevel\":\"substantial\"",
            "\"currentVersion\":1",
            "\"processingDays\":10")
        .doesNotContain("demo.hundesteuer-anmeldung", "\"id\"", "municipalityId");
  }

  @Test
  void apiShowsEachMunicipalitysOwnFees() throws Exception {
    assertThat(get("/api/v1/municipalities/beispielheim/services?q=Parkausweis").body())
        .contains("\"cents\":2500", "\"maxCents\":5000");
    String all = get("/api/v1/municipalities/musterstadt/services").body();
    assertThat(all)
        .contains(
            "demo.meldebescheinigung",
            "demo.geburtsurkunde",
            "demo.fundsache-verlust",
            "\"formatted\":\"gebührenfrei\"")
        .doesNotContain("\"key\":\"it.gartenzaun", "\"key\":\"it.baumfaellung");
  }

  @Test
  void apiAnswersUnknownOrSuspendedMunicipalitiesWithJson404() throws Exception {
    for (String slug : new String[] {"nirgendwo", "it-ruhestadt", "%3Cscript%3E"}) {
      HttpResponse<String> json = get("/api/v1/municipalities/" + slug + "/services?q=Hund");
      assertThat(json.statusCode()).as(slug).isEqualTo(404);
      assertThat(json.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(json.body())
          .contains("\"status\":404", "\"type\":\"https://rathaus.eu/problems/not-found\"")
          .doesNotContain("Exception");
    }
  }

  @Test
  void apiSurvivesHostileSearchInput() throws Exception {
    HttpResponse<String> json =
        get(
            "/api/v1/municipalities/musterstadt/services?q="
                + q("x".repeat(5000) + "'\"\\<>&|!():*"));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).isEqualTo("[]");
  }

  @Test
  void apiIsDescribedInOpenApi() throws Exception {
    String openapi = get("/openapi").body();
    assertThat(openapi)
        .contains(
            "/api/v1/municipalities/{slug}/services",
            "Services a municipality offers online",
            "requiredLevel",
            "maxCents");
  }

  @Test
  void municipalityPageGroupsServicesAndSearchesWithoutJavaScript() throws Exception {
    HttpResponse<String> page = get("/municipality.xhtml?m=musterstadt");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "<h1 id=\"municipality-heading\">Musterstadt</h1>",
            "Verkehr",
            "Standesamt",
            "service.xhtml?m=musterstadt&amp;s=demo.hundesteuer-anmeldung",
            "role=\"search\"");
    // Five demo services, plus whatever other tests published in Musterstadt before.
    assertThat(page.body()).containsPattern("\\d+ Leistungen online verfügbar");

    HttpResponse<String> search = get("/municipality.xhtml?m=musterstadt&q=Hund");
    assertThat(search.body())
        .contains("1 Leistung zu „Hund“ gefunden.", "Anmeldung eines Hundes zur Hundesteuer")
        .doesNotContain("Bewohnerparkausweis beantragen");
  }

  @Test
  void hostileSearchIsCutAndEscaped() throws Exception {
    HttpResponse<String> page =
        get(
            "/municipality.xhtml?m=musterstadt&q="
                + q("<script>alert(1)</script>" + "y".repeat(10_000)));
    assertThat(page.statusCode()).isEqualTo(200);
    // Cut at 100 characters (25 of markup, 75 y) and escaped; the language link merely re-encodes
    // the URL.
    assertThat(page.body())
        .doesNotContain("<script>alert(1)</script>")
        .contains(
            "value=\"&lt;script&gt;alert(1)&lt;/script&gt;" + "y".repeat(75) + "\"",
            "zu „&lt;script&gt;alert(1)&lt;/script&gt;" + "y".repeat(75) + "“");
  }

  @Test
  void unknownOrSuspendedMunicipalityAndUnknownServiceAreFriendly404s() throws Exception {
    for (String path :
        new String[] {
          "/municipality.xhtml?m=nirgendwo",
          "/municipality.xhtml",
          "/municipality.xhtml?m=it-ruhestadt",
          "/service.xhtml?m=musterstadt&s=gibt.es.nicht",
          "/service.xhtml?m=beispielheim&s=" + q("<b>"),
          "/service.xhtml?m=it-ruhestadt&s=demo.hundesteuer-anmeldung"
        }) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body())
          .as(path)
          .contains("Seite nicht gefunden")
          .doesNotContain("Exception", "at eu.rathaus");
    }
  }

  @Test
  void servicePageShowsFeePerOptionDeadlineLevelDocumentsAndTheApplyLink() throws Exception {
    String page = get("/service.xhtml?m=musterstadt&s=demo.bewohnerparkausweis").body();
    assertThat(page)
        .contains(
            "<h1 id=\"service-title\">Bewohnerparkausweis beantragen</h1>",
            "Ein Jahr: 30,00 €",
            "Zwei Jahre: 60,00 €",
            "in der Regel 10 Tage",
            "substanziell",
            "Zulassungsbescheinigung Teil I",
            "Antrag starten",
            "href=\"/citizen/apply.xhtml?m=musterstadt&amp;s=demo.bewohnerparkausweis\"");
    assertThat(get("/service.xhtml?m=beispielheim&s=demo.bewohnerparkausweis").body())
        .contains("Ein Jahr: 25,00 €", "in der Regel 7 Tage");
  }

  @Test
  void englishSwitchKeepsThePageAndTranslatesIt() throws Exception {
    String german = get("/service.xhtml?m=musterstadt&s=demo.hundesteuer-anmeldung").body();
    assertThat(german)
        .contains("href=\"?m=musterstadt&amp;s=demo.hundesteuer-anmeldung&amp;lang=en\"");
    String english =
        get("/service.xhtml?m=musterstadt&s=demo.hundesteuer-anmeldung&lang=en").body();
    assertThat(english)
        .contains(
            "lang=\"en\"",
            "Register a dog for dog tax",
            "Start application",
            "free of charge",
            "usually 14 days",
            "substantial");
  }
}
