package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.PdfText;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Erika applies for a Bewohnerparkausweis, whose second step requires the vehicle registration
 * certificate as a file: she uploads a PDF with "Hochladen", tries a PDF carrying EICAR with
 * "Weiter" and is told about the malware at the field (the licence plate she typed stays), removes
 * nothing, submits, and the PDF receipt names the file with its SHA-256. Real clamd of the test
 * stack; axe-core on every page of the way.
 */
class ApplicationAttachmentUiIT extends BrowserJourney {

  static final String EICAR =
      "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
  private static final String FILE_INPUT = "a-registrationCertificate";

  @TempDir Path files;

  @Test
  void erikaAttachesAPdfIsToldAboutMalwareAndGetsTheHashOnHerReceipt() throws Exception {
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
    Browser.awaitOrExplain(browser, By.id(FILE_INPUT));
    assertThat(browser.findElement(By.id(FILE_INPUT + "-none")).getText())
        .isEqualTo("Noch keine Datei hochgeladen.");
    accessible("the step with a file field");

    String unique = UUID.randomUUID().toString();
    byte[] pdf =
        ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% "
                + unique
                + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    String name = "Zulassung-" + unique.substring(0, 8) + ".pdf";
    Path certificate = Files.write(files.resolve(name), pdf);
    type("a-licensePlate", "M-EM 1964");
    browser.findElement(By.id("a-isKeeper-true")).click();
    browser.findElement(By.id(FILE_INPUT)).sendKeys(certificate.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("input.rh-upload")).click();
    Browser.awaitOrExplain(browser, By.id(FILE_INPUT + "-files"));
    assertThat(browser.findElement(By.id(FILE_INPUT + "-files")).getText()).contains(name, "PDF");
    assertThat(
            browser
                .findElement(By.cssSelector("#" + FILE_INPUT + "-files input.rh-remove-file"))
                .getAttribute("value"))
        .isEqualTo("Entfernen");
    assertThat(browser.findElement(By.id("a-licensePlate")).getAttribute("value"))
        .isEqualTo("M-EM 1964");
    assertThat(browser.findElement(By.id("apply-progress")).getText()).isEqualTo("Schritt 2 von 3");
    accessible("the step with an uploaded file");

    // A second file, removed again with "Entfernen".
    Path spare =
        Files.write(
            files.resolve("Kopie.pdf"),
            ("%PDF-1.4\n% spare " + unique + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    browser.findElement(By.id(FILE_INPUT)).sendKeys(spare.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("input.rh-upload")).click();
    Browser.awaitOrExplain(browser, By.linkText("Kopie.pdf"));
    browser
        .findElements(By.cssSelector("#" + FILE_INPUT + "-files input.rh-remove-file"))
        .get(1)
        .click();
    Browser.awaitOrExplain(browser, By.id("upload-message"));
    assertThat(browser.findElement(By.id("upload-message")).getText())
        .contains("Kopie.pdf", "entfernt");
    assertThat(browser.findElements(By.linkText("Kopie.pdf"))).isEmpty();
    assertThat(browser.findElements(By.linkText(name))).hasSize(1);

    Path infected =
        Files.write(
            files.resolve("harmlos.pdf"),
            ("%PDF-1.4\n% " + EICAR + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    browser.findElement(By.id(FILE_INPUT)).sendKeys(infected.toAbsolutePath().toString());
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("error-summary"));
    assertThat(browser.findElement(By.id(FILE_INPUT + "-error")).getText())
        .contains("Schadsoftware");
    assertThat(browser.findElement(By.id("a-licensePlate")).getAttribute("value"))
        .isEqualTo("M-EM 1964");
    assertThat(browser.findElement(By.id(FILE_INPUT + "-files")).getText())
        .contains(name)
        .doesNotContain("harmlos.pdf");
    accessible("the step with the malware message");

    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-validity-oneYear"));
    browser.findElement(By.id("a-validity-oneYear")).click();
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("review:submit"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(name);
    accessible("review");
    browser.findElement(By.id("review:submit")).click();

    Browser.awaitOrExplain(browser, By.id("submitted-reference"));
    String reference = browser.findElement(By.id("submitted-reference")).getText();
    HttpResponse<byte[]> receipt = fetchWithSession("/citizen/receipt?ref=" + reference);
    assertThat(receipt.statusCode()).isEqualTo(200);
    String text = PdfText.of(receipt.body());
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    assertThat(text).contains(name, sha256, "Anhänge").doesNotContain("harmlos.pdf");
  }
}
