package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.PdfText;
import java.net.http.HttpResponse;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Meldebescheinigung at once, in the browser: Erika applies for Musterstadt's simple
 * certificate, pays online on the payment sandbox, opens the certificate from "Meine Anträge" and
 * downloads the PDF — issued from the register without any clerk, with her address and the
 * verification code — then, signed out, checks the code on the public page. axe-core on the
 * certificate and the verification page.
 */
class CertificateUiIT extends BrowserJourney {

  private static final Logger LOG = Logger.getLogger(CertificateUiIT.class.getName());

  @Test
  void erikaGetsHerCertificateWithoutAClerkAndAnyoneCanVerifyIt() throws Exception {
    signInAsErika();
    long started = System.nanoTime();
    String reference =
        fileMeldebescheinigungAsErika(
            "demo.meldebescheinigung", "simple", "erika.mustermann@example.org");

    ItApplications.payOnlineOnTheSandbox(browser);
    assertThat(browser.findElement(By.id("return-outcome")).getAttribute("data-outcome"))
        .isEqualTo("PAID");

    browser.findElement(By.id("return-mine")).click();
    Browser.awaitOrExplain(browser, By.id("certificate-" + reference));
    browser.findElement(By.id("certificate-" + reference)).click();
    Browser.awaitOrExplain(browser, By.id("certificate-code"));
    String code = text("certificate-code");
    assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    assertThat(text("certificate-kind")).isEqualTo("Einfache Meldebescheinigung");
    assertThat(text("certificate-issued-by")).contains("Musterstadt");
    accessible("certificate page");

    String href = browser.findElement(By.id("certificate-download")).getAttribute("href");
    HttpResponse<byte[]> pdf = fetchWithSession(href.substring(href.indexOf("/citizen/")));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
    String text = PdfText.of(pdf.body());
    assertThat(text)
        .contains("Einfache Meldebescheinigung", "Mustermann", "Erika", code)
        .contains("Heidestraße 17, 91099 Musterstadt")
        .doesNotContain("Karl-Marx-Allee");
    LOG.info(
        () ->
            "Meldebescheinigung from submitting to the PDF: "
                + (System.nanoTime() - started) / 1_000_000
                + " ms");

    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login"));
    browser.get(portal + "/verify?code=" + code.toLowerCase().replace("-", ""));
    Browser.awaitOrExplain(browser, By.id("verify-valid"));
    assertThat(text("verify-kind")).isEqualTo("Einfache Meldebescheinigung");
    assertThat(text("verify-issued-by")).contains("Musterstadt");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Erika");
    accessible("verification page");

    browser.get(portal + "/verify?code=2222-3333-4444");
    Browser.awaitOrExplain(browser, By.id("verify-invalid"));
  }
}
