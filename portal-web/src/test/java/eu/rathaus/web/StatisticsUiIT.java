package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Moritz (Musterstadt's admin) opens "Statistik": four server-made SVG charts, each with a title
 * and a data table with a caption; a bad period gets a German message instead of an error; the CSV
 * comes with German headings; axe-core is clean.
 */
class StatisticsUiIT extends BrowserJourney {

  @Test
  void theAdminSeesChartsWithDataTablesAndDownloadsTheCsv() throws Exception {
    signInAsMoritz();
    Browser.awaitOrExplain(browser, By.id("nav-statistics"));
    browser.findElement(By.id("nav-statistics")).click();
    Browser.awaitOrExplain(browser, By.id("statistics-heading"));

    assertThat(browser.findElements(By.cssSelector("svg[role='img'] title"))).hasSize(4);
    for (String table :
        new String[] {"table-applications", "table-processing", "table-open", "table-payments"}) {
      assertThat(browser.findElement(By.id(table)).findElement(By.tagName("caption")).getText())
          .isNotBlank();
    }
    assertThat(browser.findElement(By.id("online-share")).getText()).startsWith("Online-Anteil");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the dashboard").isEmpty();
    assertThat(Browser.cspViolations(browser)).as("CSP with inline SVG").isEmpty();

    browser.get(portal + "/municipal/statistics.xhtml?from=gestern&to=2001-01-01");
    Browser.awaitOrExplain(browser, By.id("period-invalid"));
    assertThat(browser.findElement(By.id("period-invalid")).getText())
        .startsWith("Der Zeitraum war ungültig");

    HttpResponse<byte[]> csv =
        fetchWithSession("/municipal/statistics.csv?from=2001-01-01&to=2001-12-31");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("\uFEFFStatistik;2001-01-01 – 2001-12-31\r\n")
        .contains("Anträge je Leistung und Monat", "Zahlungen je Stand und Zahlweg");
    assertThat(fetchWithSession("/municipal/statistics.csv?from=x&to=y").statusCode())
        .isEqualTo(400);
  }
}
