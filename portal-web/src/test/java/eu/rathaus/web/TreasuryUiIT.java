package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.CamtFiles;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.PaymentRows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Musterstadt's admin reconciles a SEPA transfer: signs in through the staff directory, uploads a
 * camt.053 carrying the transfer of an open payment (its real Kassenzeichen and amount), sees it
 * paid and counted in the totals, downloads the CSV for the finance system and refunds part of the
 * fee. axe-core is clean on the page before the import, after it and with the refund form open.
 */
class TreasuryUiIT extends BrowserJourney {

  private static final String MUSTERSTADT_IBAN = "DE02120300000000202051";

  private void click(String id) {
    browser.findElement(By.id(id)).click();
  }

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  @Test
  void adminImportsAStatementSeesThePaymentPaidExportsAndRefunds() throws Exception {
    String serviceKey =
        ItServices.publish("/catalogue/templates/bewohnerparkausweis.json", "musterstadt");
    String reference = PaymentRows.pendingSepaPayment(serviceKey, "musterstadt", 3000);
    String suffix = UUID.randomUUID().toString().substring(0, 10);
    Path statement = Files.createTempFile("camt053-", ".xml");
    Files.write(
        statement,
        CamtFiles.statement("UI-STMT-" + suffix, MUSTERSTADT_IBAN)
            .credit("UI-B-" + suffix, 3000, reference)
            .creditWithText("UI-C-" + suffix, 700, "Spende Stadtfest")
            .debit("UI-D-" + suffix, 250)
            .bytes());

    signInAsMoritz();
    Browser.awaitOrExplain(browser, By.id("nav-payments"));
    click("nav-payments");
    Browser.awaitOrExplain(browser, By.id("import:submit"));
    assertThat(browser.findElement(By.id("payment-" + reference)).getText())
        .contains("Zahlung läuft")
        .contains("30,00");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the payments page").isEmpty();

    // Upload the statement: one match, one to clarify, one debit ignored.
    browser.findElement(By.id("import:file")).sendKeys(statement.toAbsolutePath().toString());
    click("import:submit");
    Browser.awaitOrExplain(browser, By.id("import-result"));
    assertThat(browser.findElement(By.id("import-matched")).getText()).endsWith(": 1");
    assertThat(browser.findElement(By.id("import-clarifications")).getText()).endsWith(": 1");
    assertThat(browser.findElement(By.id("import-debits")).getText()).endsWith(": 1");
    WebElement row = browser.findElement(By.id("payment-" + reference));
    assertThat(row.getText()).contains("Bezahlt").contains("Überweisung");
    assertThat(
            Integer.parseInt(
                browser.findElement(By.cssSelector("#total-PAID .rh-count")).getText()))
        .isGreaterThanOrEqualTo(1);
    assertThat(browser.findElement(By.id("clarifications")).getText())
        .contains("Spende Stadtfest")
        .contains("Kassenzeichen unbekannt");
    assertThat(Browser.seriousViolations(browser)).as("axe-core after the import").isEmpty();

    // The same statement again: refused, nothing booked twice.
    browser.findElement(By.id("import:file")).sendKeys(statement.toAbsolutePath().toString());
    click("import:submit");
    Browser.awaitOrExplain(browser, By.id("import-refused"));
    assertThat(browser.findElement(By.id("import-refused")).getText())
        .contains("bereits importiert");

    // The CSV for the finance system, with the admin's session.
    String csvHref = browser.findElement(By.id("csv-download")).getAttribute("href");
    HttpResponse<byte[]> csv =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(csvHref))
                    .header("Cookie", cookies())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment;");
    byte[] body = csv.body();
    assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("Kassenzeichen;Aktenzeichen;Leistung;Betrag;");
    assertThat(text.lines().filter(l -> l.startsWith(reference + ";")).findFirst().orElseThrow())
        .contains(";30,00;30,00;0,00;Bezahlt;")
        .endsWith(";Überweisung");

    // Refund part of the fee.
    click("refund-" + reference);
    Browser.awaitOrExplain(browser, By.id("refund:submit"));
    fill("refund:amount", "10,00");
    click("refund:submit");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d ->
                !d.findElements(By.id("refund:reason-error")).isEmpty()
                    && d.findElement(By.id("refund:reason-error")).getText().contains("Grund"));
    fill("refund:amount", "10,00");
    fill("refund:reason", "Antrag teilweise zurückgenommen");
    click("refund:submit");
    Browser.awaitOrExplain(browser, By.id("refunds"));
    assertThat(browser.findElement(By.id("page-messages")).getText())
        .contains("Erstattung über 10,00");
    assertThat(browser.findElement(By.id("refunds")).getText())
        .contains("Antrag teilweise zurückgenommen")
        .contains("pain.001");
    assertThat(browser.findElement(By.id("refundable")).getText()).contains("20,00");
    assertThat(browser.findElement(By.id("payment-" + reference)).getText()).contains("Erstattet");
    assertThat(Browser.seriousViolations(browser)).as("axe-core with the refund form").isEmpty();
  }

  private String cookies() {
    return browser.manage().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }
}
