package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.TenantRows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Musterstadt's municipal admin signs in through the city's staff directory, opens "Textbausteine",
 * meets a German message at the field for a block without a title (nothing saved), adds a block,
 * sees it listed and deactivates it. axe-core is clean on the page, also with the problem shown.
 * With his session, the notice download serves Musterstadt's notices and nothing else.
 */
class TextBlocksUiIT extends BrowserJourney {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // While the page is replaced, Chromium reports a vanished node either as stale or as "does not
    // belong to the document" (a plain WebDriverException): both mean "look again".
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  @Test
  void adminAddsATextBlockAfterFixingABadInput() throws Exception {
    String stamp = Long.toString(System.currentTimeMillis(), 36);
    String title = "UI-Baustein " + stamp;
    String body = "Der Nachweis des Hauptwohnsitzes fehlt (" + stamp + ").";

    signInAsMoritz();
    Browser.awaitOrExplain(browser, By.id("nav-text-blocks"));
    browser.findElement(By.id("nav-text-blocks")).click();
    Browser.awaitOrExplain(browser, By.id("block:save"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Textbausteine für Bescheide");
    assertThat(browser.findElement(By.id("block-table")).getText())
        .contains("Rechtsbehelfsbelehrung", "Voraussetzungen erfüllt");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the text blocks page").isEmpty();

    // No title: the German message stands at the title field, and nothing is listed.
    new Select(browser.findElement(By.id("block:kind")))
        .selectByVisibleText("Begründung Ablehnung");
    fill("block:body", body);
    browser.findElement(By.id("block:save")).click();
    Browser.awaitOrExplain(browser, By.id("block:title-error"));
    assertThat(browser.findElement(By.id("block:title-error")).getText())
        .isEqualTo("Bitte geben Sie einen Titel ein.");
    assertThat(browser.findElement(By.id("block-table")).getText()).doesNotContain(body);
    assertThat(browser.findElement(By.id("block:body")).getAttribute("value")).isEqualTo(body);
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core with a problem at the field")
        .isEmpty();

    fill("block:title", title);
    fill("block:order", "30");
    browser.findElement(By.id("block:save")).click();
    await()
        .until(
            d ->
                d.findElement(By.id("page-messages"))
                    .getText()
                    .contains("„" + title + "“ wurde gespeichert"));
    By row = By.xpath("//tr[td[@class='rh-block-title' and text()='" + title + "']]");
    assertThat(browser.findElement(row).getText()).contains("Begründung Ablehnung", body, "aktiv");

    browser.findElement(row).findElement(By.xpath(".//input[@value='Deaktivieren']")).click();
    await().until(d -> d.findElement(row).getText().contains("deaktiviert"));
    assertThat(Browser.seriousViolations(browser)).as("axe-core after deactivating").isEmpty();

    staffDownloadsANoticeOfTheirMunicipalityOnly();
  }

  /**
   * The download servlet with Moritz's session: a Musterstadt notice this test seals itself comes
   * as an attachment with nosniff; unknown or malformed ids answer 404, the citizen area refuses
   * staff (403), and a request without session is sent to sign in, never given the PDF.
   */
  private void staffDownloadsANoticeOfTheirMunicipalityOnly() throws Exception {
    UUID notice;
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      TenantRows.SubmittedCase submitted =
          TenantRows.submittedCase(c, MUSTERSTADT, "it-text-blocks-" + UUID.randomUUID());
      notice = TenantRows.notice(c, submitted, TenantRows.minimalPdf());
      c.commit();
    }
    String session = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();

    HttpResponse<byte[]> pdf = get("/office/notice?id=" + notice, session);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/pdf"));
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("attachment; filename=\"Bescheid-MUS-"));
    assertThat(pdf.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    assertThat(get("/office/notice?id=" + UUID.randomUUID(), session).statusCode()).isEqualTo(404);
    assertThat(get("/office/notice?id=nonsense", session).statusCode()).isEqualTo(404);
    assertThat(get("/citizen/notice?id=" + notice, session).statusCode())
        .as("the citizen path with a staff session")
        .isEqualTo(403);
    HttpResponse<byte[]> anonymous = get("/office/notice?id=" + notice, null);
    assertThat(anonymous.statusCode()).as("without a session: to the sign-in").isEqualTo(302);
    assertThat(new String(anonymous.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF-");
  }

  private static HttpResponse<byte[]> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal + path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
