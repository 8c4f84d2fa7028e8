package eu.rathaus.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.PageRequests;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: the catalogue and service pages answer conditional GETs, and a publish — made through
 * the municipal admin's own use case — changes ETag and content at once (the ETag follows the
 * database's catalogue revision, so this holds for every node). Runs inside the server to publish;
 * the pages are fetched over real HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class PublicPageCacheIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final Pattern DEADLINE = Pattern.compile("id=\"deadline\">([^<]*)<");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(PublicPageCacheIT.class, PageRequests.class);
  }

  @Inject ServiceAdministration administration;
  @Inject CallerScope caller;
  @ArquillianResource URL base;

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    return PageRequests.get(base, path, headers);
  }

  private static String etag(HttpResponse<?> response) {
    return response.headers().firstValue("ETag").orElseThrow();
  }

  private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

  private static String nonce(HttpResponse<?> response) {
    Matcher m = NONCE.matcher(response.headers().firstValue("Content-Security-Policy").orElse(""));
    assertTrue(m.find(), "a CSP nonce");
    return m.group(1);
  }

  private static String deadline(HttpResponse<String> page) {
    Matcher m = DEADLINE.matcher(page.body());
    assertTrue(m.find(), "deadline on the page");
    return m.group(1);
  }

  private void publish(UUID definition, int processingDays) {
    ServiceAdministration.Draft draft = administration.openDraft(definition);
    CatalogueOutcome saved =
        administration.saveDraft(
            draft.versionId(),
            draft
                .formJson()
                .replaceAll(
                    "\"processingDays\"\\s*:\\s*\\d+", "\"processingDays\":" + processingDays));
    assertTrue(saved.isDone(), () -> saved.problems().toString());
    assertTrue(administration.publish(draft.versionId()).isDone());
  }

  @Test
  void revalidationGets304AndPublishingChangesEtagAndContent() throws Exception {
    caller.set(TenantScope.staff(MUSTERSTADT, "it-moritz.admin"));
    String key = "it.cache-" + Long.toString(System.nanoTime(), 36);
    CatalogueOutcome created =
        administration.createFromScratch(
            key,
            "Test",
            new LocalizedText("Zwischenspeicher", "Cache"),
            new LocalizedText("Ein Testdienst.", "A test service."));
    assertTrue(created.isDone(), () -> created.problems().toString());
    publish(created.id(), 14);

    String page = "/service.xhtml?m=musterstadt&s=" + key;
    HttpResponse<String> first = get(page);
    assertEquals(200, first.statusCode());
    assertTrue(deadline(first).contains("14"), first::body);
    assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(first.headers().firstValue("Last-Modified").isPresent());
    String etag = etag(first);

    HttpResponse<String> revalidated = get(page, "If-None-Match", etag);
    assertEquals(304, revalidated.statusCode());
    assertEquals("", revalidated.body());
    assertEquals(etag, etag(revalidated));
    HttpResponse<String> again = get(page, "If-None-Match", "\"something-else\"");
    assertEquals(200, again.statusCode());
    // The kept page, with this response's own CSP nonce where the first one had its nonce.
    assertEquals(first.body().replace(nonce(first), nonce(again)), again.body(), "the kept page");
    assertNotEquals(nonce(first), nonce(again), "a nonce per response");
    assertEquals(etag, etag(again));
    // Another language is another representation.
    HttpResponse<String> english = get(page, "Cookie", "rathaus.lang=en", "If-None-Match", etag);
    assertEquals(200, english.statusCode());
    assertTrue(english.body().contains("lang=\"en\""));
    String catalogue = etag(get("/municipality.xhtml?m=musterstadt"));

    publish(created.id(), 21);

    HttpResponse<String> afterPublish = get(page, "If-None-Match", etag);
    assertEquals(200, afterPublish.statusCode());
    assertNotEquals(etag, etag(afterPublish));
    assertTrue(deadline(afterPublish).contains("21"), afterPublish::body);
    HttpResponse<String> catalogueAfter =
        get("/municipality.xhtml?m=musterstadt", "If-None-Match", catalogue);
    assertEquals(200, catalogueAfter.statusCode());
    assertNotEquals(catalogue, etag(catalogueAfter));
    assertEquals(304, get(page, "If-None-Match", etag(afterPublish)).statusCode());

    assertTrue(administration.retire(created.id()).isDone());
    assertEquals(404, get(page, "If-None-Match", etag(afterPublish)).statusCode());
    assertFalse(get("/municipality.xhtml?m=musterstadt").body().contains(key));
  }

  @Test
  void aLanguageSwitchAndANotFoundCarryNoEtag() throws Exception {
    HttpResponse<String> switching = get("/municipality.xhtml?m=musterstadt&lang=en");
    assertEquals(200, switching.statusCode());
    assertTrue(switching.headers().firstValue("ETag").isEmpty());
    HttpResponse<String> unknown = get("/municipality.xhtml?m=gibt-es-nicht");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.headers().firstValue("ETag").isEmpty());
  }
}
