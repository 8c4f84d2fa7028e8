package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.PdfText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Erika pays fees: the resident parking permit online on the sandbox's hosted page (success card),
 * back to "Zahlung wird geprüft" until the signed notification arrived, then "bezahlt" on the
 * outcome page, in "Meine Anträge" and on the receipt; and a Meldebescheinigung by SEPA transfer
 * with IBAN, Kassenzeichen and GiroCode. axe-core on the portal's payment pages and on the sandbox
 * page.
 */
class PaymentUiIT extends BrowserJourney {

  @TempDir Path files;

  private String receiptText(String reference) throws Exception {
    Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(portal + "/citizen/receipt?ref=" + reference))
                    .header("Cookie", "JSESSIONID=" + session.getValue())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return PdfText.of(response.body());
  }

  @Test
  void erikaPaysHerParkingPermitOnlineAndSeesItPaidEverywhere() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/bewohnerparkausweis.json", "musterstadt");
    signInAsErika();

    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=" + service);
    Browser.awaitOrExplain(browser, By.id("a-firstNames"));
    type("a-firstNames", "Erika");
    type("a-lastName", "Mustermann");
    type("a-address-street", "Hauptstraße");
    type("a-address-houseNumber", "12a");
    type("a-address-postalCode", "12345");
    type("a-address-city", "Musterstadt");
    type("a-email", "erika.mustermann@example.org");
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-registrationCertificate"));
    Path certificate =
        Files.write(
            files.resolve("Zulassung.pdf"),
            ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    type("a-licensePlate", "M-EM 1964");
    browser.findElement(By.id("a-isKeeper-true")).click();
    browser
        .findElement(By.id("a-registrationCertificate"))
        .sendKeys(certificate.toAbsolutePath().toString());
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-validity-oneYear"));
    browser.findElement(By.id("a-validity-oneYear")).click();
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("review:submit"));
    browser.findElement(By.id("review:submit")).click();

    Browser.awaitOrExplain(browser, By.id("submitted-reference"));
    String reference = text("submitted-reference");
    assertThat(text("submitted-fee")).isEqualTo("30,00 €");
    String kassenzeichen = text("submitted-kassenzeichen");
    assertThat(kassenzeichen).as("copied without spaces").matches("RF[0-9A-Z]+");
    assertThat(
            browser.findElements(
                By.cssSelector("#submitted-kassenzeichen .rh-kassenzeichen > span")))
        .as("shown in groups of four")
        .hasSizeGreaterThan(3)
        .allSatisfy(group -> assertThat(group.getText()).hasSizeLessThanOrEqualTo(4));
    assertThat(text("submitted-payment-state")).isEqualTo("offen");
    accessible("confirmation with the fee");

    browser.findElement(By.id("pay-link")).click();
    Browser.awaitOrExplain(browser, By.id("pay-heading"));
    assertThat(text("pay-amount")).isEqualTo("30,00 €");
    assertThat(text("pay-reference")).isEqualTo(kassenzeichen);
    accessible("payment page");

    browser.findElement(By.id("online:start")).click();
    Browser.awaitOrExplain(browser, By.id("pay"));
    assertThat(browser.getCurrentUrl()).startsWith("http://localhost:18480/pay/");
    assertThat(text("amount")).isEqualTo("30,00 €");
    assertThat(text("reference").replace(" ", "")).isEqualTo(kassenzeichen);
    accessible("sandbox payment page");
    assertThat(browser.findElement(By.id("card-success")).isSelected()).isTrue();
    browser.findElement(By.id("pay")).click();

    Browser.awaitOrExplain(browser, By.id("return-heading"));
    accessible("outcome page");
    for (int i = 0;
        i < 40
            && !"PAID"
                .equals(browser.findElement(By.id("return-outcome")).getAttribute("data-outcome"));
        i++) {
      assertThat(browser.findElement(By.id("return-outcome")).getAttribute("data-outcome"))
          .isEqualTo("CHECKING");
      assertThat(text("return-text")).startsWith("Zahlung wird geprüft");
      Thread.sleep(500);
      browser.findElement(By.id("return-refresh")).click();
      Browser.awaitOrExplain(browser, By.id("return-heading"));
    }
    assertThat(text("return-state")).isEqualTo("bezahlt");
    assertThat(text("return-text")).contains("bezahlt");

    browser.findElement(By.id("return-mine")).click();
    Browser.awaitOrExplain(browser, By.id("submitted-table"));
    assertThat(text("fee-" + reference)).contains("30,00 €", "bezahlt");
    accessible("Meine Anträge with a paid fee");

    assertThat(receiptText(reference))
        .contains("Gebühr und Zahlung", "bezahlt", printed(kassenzeichen))
        .doesNotContain("GiroCode");
  }

  /**
   * Erika files a Meldebescheinigung (simple certificate, 10 €); returns {reference,
   * Kassenzeichen}.
   */
  private String[] fileMeldebescheinigung() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    signInAsErika();

    String reference =
        fileMeldebescheinigungAsErika(service, "simple", "erika.mustermann@example.org");
    String kassenzeichen = text("submitted-kassenzeichen");

    return new String[] {reference, kassenzeichen};
  }

  @Test
  void erikaChoosesTransferAndSeesIbanReferenceAndGiroCode() throws Exception {
    String[] filed = fileMeldebescheinigung();
    String reference = filed[0];
    String kassenzeichen = filed[1];

    browser.get(portal + "/citizen/applications.xhtml");
    Browser.awaitOrExplain(browser, By.id("pay-" + reference));
    assertThat(text("fee-" + reference)).contains("10,00 €", "offen");
    browser.findElement(By.id("pay-" + reference)).click();
    Browser.awaitOrExplain(browser, By.id("sepa:choose"));
    browser.findElement(By.id("sepa:choose")).click();

    Browser.awaitOrExplain(browser, By.id("sepa-details"));
    assertThat(text("sepa-payee")).isEqualTo("Stadtkasse Musterstadt");
    assertThat(text("sepa-iban")).isEqualTo("DE02 1203 0000 0000 2020 51");
    assertThat(text("sepa-bic")).isEqualTo("BYLADEM1001");
    assertThat(text("sepa-amount")).isEqualTo("10,00 €");
    assertThat(text("sepa-reference")).isEqualTo(kassenzeichen);
    assertThat(browser.findElement(By.cssSelector("#sepa-qr svg")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector("#sepa-qr svg")).getAttribute("aria-label"))
        .contains("GiroCode");
    assertThat(text("sepa-qr-caption")).contains("GiroCode");
    accessible("transfer details with GiroCode");

    assertThat(receiptText(reference))
        .contains("offen", printed(kassenzeichen), "DE02 1203 0000 0000 2020 51", "GiroCode");
  }

  /** The Kassenzeichen as the PDF receipt prints it, in groups of four. */
  private static String printed(String kassenzeichen) {
    return kassenzeichen.replaceAll("(.{4})(?!$)", "$1 ");
  }

  @Test
  void withTheDelayedCardTheOutcomePageSaysCheckingUntilTheProviderConfirms() throws Exception {
    String reference = fileMeldebescheinigung()[0];
    browser.findElement(By.id("pay-link")).click();
    Browser.awaitOrExplain(browser, By.id("online:start"));
    browser.findElement(By.id("online:start")).click();
    Browser.awaitOrExplain(browser, By.id("card-delayed"));
    browser.findElement(By.id("card-delayed")).click();
    browser.findElement(By.id("pay")).click();

    Browser.awaitOrExplain(browser, By.id("return-heading"));
    assertThat(browser.findElement(By.id("return-outcome")).getAttribute("data-outcome"))
        .isEqualTo("CHECKING");
    assertThat(text("return-text")).startsWith("Zahlung wird geprüft");
    assertThat(text("return-state")).isEqualTo("ausstehend");
    accessible("outcome page while checking");

    // Nobody presses "Zahlungsstand aktualisieren": the page updates itself in place once the
    // delayed confirmation arrives (the marker set on this document survives, so no reload).
    browser.executeScript("window.rathausSamePage = true;");
    new WebDriverWait(browser, Duration.ofSeconds(90))
        // the outcome is replaced in place while it is read: look again
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d ->
                "PAID".equals(d.findElement(By.id("return-outcome")).getAttribute("data-outcome")));
    assertThat(browser.executeScript("return window.rathausSamePage === true;")).isEqualTo(true);
    assertThat(browser.findElements(By.id("return-refresh"))).isEmpty();
    assertThat(text("return-text")).contains("bezahlt");
    accessible("outcome page updated by itself");
    assertThat(text("return-state")).isEqualTo("bezahlt");
    browser.get(portal + "/citizen/applications.xhtml");
    Browser.awaitOrExplain(browser, By.id("fee-" + reference));
    assertThat(text("fee-" + reference)).contains("bezahlt");
  }
}
