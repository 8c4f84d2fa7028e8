package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.Jdbc;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Data protection in the browser (issue 15). "Meine Daten": Erika files a Meldebescheinigung,
 * Musterstadt's clerk Mia opens her case, and Erika downloads her data from the navigation's "Meine
 * Daten": the ZIP holds her application and the log entry of Mia's read. The privacy notice of
 * Musterstadt (from its page and the footer) and its admin's records of processing show the
 * controller and each offered service. Every page passes axe-core.
 */
class PrivacyUiIT extends BrowserJourney {

  @Test
  void erikaDownloadsHerDataAndFindsHerApplicationAndWhoReadIt() throws Exception {
    signInAsErika();
    String reference =
        fileMeldebescheinigungAsErika("demo.meldebescheinigung", "simple", "erika@example.org");
    ItApplications.signOut(browser);

    ItApplications.signInAsMia(browser, portal);
    browser.get(portal + "/office/case.xhtml?id=" + caseOf(reference));
    Browser.awaitOrExplain(browser, By.id("case-heading"));
    ItApplications.signOut(browser);

    signInAsErika();
    browser.findElement(By.id("nav-my-data")).click();
    Browser.awaitOrExplain(browser, By.id("my-data-download"));
    accessible("Meine Daten");
    assertThat(browser.findElement(By.id("my-data-download")).getAttribute("href"))
        .endsWith("/citizen/my-data");

    HttpResponse<byte[]> download = fetchWithSession("/citizen/my-data");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/zip");
    Map<String, String> zip = unzip(download.body());
    assertThat(zip.get("applications.json")).contains(reference, "Mustermann");
    assertThat(zip.get("access-log.json")).contains("case.read", reference, "Musterstadt", "Mia");
    assertThat(zip.get("overview.html")).contains(reference, "Antrag geöffnet und gelesen");

    // Art. 17 from the same page: the request is filed as a case with an Aktenzeichen.
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("request-municipality")))
        .selectByValue("musterstadt");
    browser.findElement(By.id("request-right-erasure")).click();
    type("request-details", "Bitte löschen Sie meinen Entwurf.");
    browser.findElement(By.id("request:submit")).click();
    Browser.awaitOrExplain(browser, By.id("request-confirmation"));
    assertThat(text("request-confirmation")).containsPattern("MUS-\\d{4}-\\d{6}");
    accessible("Meine Daten nach der Anfrage");
  }

  @Test
  void musterstadtsPrivacyNoticeAndRecordsOfProcessingComeFromItsConfiguration() {
    browser.get(portal + "/municipality.xhtml?m=musterstadt");
    browser.findElement(By.id("municipality-privacy")).click();
    Browser.awaitOrExplain(browser, By.id("privacy-controller"));
    assertThat(text("privacy-heading")).contains("Musterstadt");
    assertThat(text("privacy-controller-facts")).contains("Musterstadt");
    org.openqa.selenium.WebElement parking =
        browser.findElement(By.cssSelector("[data-key='demo.bewohnerparkausweis']"));
    assertThat(parking.getText())
        .contains("Bewohnerparkausweis", "Art. 6 Abs. 1 Buchst. e DSGVO", "Zahlungsdienstleister");
    // Where data is processed comes from the installation's residency setting (launcher: demo).
    assertThat(text("privacy-region")).endsWith("Demo: nur dieser Rechner");
    accessible("Datenschutzhinweise Musterstadt");
    // The footer of a municipality's page leads to its notice too.
    browser.get(portal + "/municipality.xhtml?m=musterstadt");
    assertThat(browser.findElement(By.id("footer-privacy")).getAttribute("href"))
        .endsWith("/legal/privacy.xhtml?m=musterstadt");

    signInAsMoritz();
    Browser.awaitOrExplain(browser, By.id("nav-processing-records"));
    browser.findElement(By.id("nav-processing-records")).click();
    Browser.awaitOrExplain(browser, By.id("records-heading"));
    assertThat(
            browser
                .findElement(By.cssSelector("table[data-key='demo.bewohnerparkausweis']"))
                .getText())
        .contains("Bewohnerparkausweis", "Antragstellende Personen", "Zahlungsdienstleister");
    assertThat(text("records-region")).isEqualTo("Demo: nur dieser Rechner");
    accessible("Verzeichnis von Verarbeitungstätigkeiten");
  }

  @Test
  void anonymousVisitorsGetNoExport() throws Exception {
    browser.get(portal + "/");
    java.net.http.HttpResponse<byte[]> response =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(portal + "/citizen/my-data"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("sent to sign in, nothing exported").isIn(302, 303, 401);
    assertThat(response.body().length).isLessThan(2000);
  }

  private static Map<String, String> unzip(byte[] archive) throws Exception {
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  private static UUID caseOf(String reference) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s =
            c.prepareStatement("select id from case_record where reference_number = ?")) {
      s.setString(1, reference);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return (UUID) r.getObject(1);
      }
    }
  }
}
