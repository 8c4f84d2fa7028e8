package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.KeycloakForms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The stepping-stone upload page as a citizen uses it, on the portal as {@code ./rathaus up} runs
 * it (real clamd, keystore in the data folder): a PDF is stored and downloads byte for byte, a PDF
 * carrying EICAR is refused with the malware message at the field, German and English, axe-clean.
 */
class AttachmentUploadUiIT extends BrowserJourney {

  static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  @TempDir Path files;

  private void signInAsErika() {
    browser.get(portal + "/");
    browser.findElement(By.id("login")).click();
    KeycloakForms.signIn(browser, "erika.mustermann", "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
  }

  private void upload(Path file) {
    browser.findElement(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("upload:submit")).click();
    Browser.awaitOrExplain(browser, By.id("list-heading"));
  }

  @Test
  void erikaUploadsAPdfDownloadsItAndIsToldAboutMalware() throws Exception {
    signInAsErika();
    browser.get(portal + "/citizen/profile.xhtml");
    browser.findElement(By.id("upload-demo-link")).click();
    Browser.awaitOrExplain(browser, By.id("upload:file"));
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the upload page").isEmpty();

    String unique = UUID.randomUUID().toString();
    byte[] pdf = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + unique + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
    Path nachweis = Files.write(files.resolve("Nachweis " + unique.substring(0, 8) + ".pdf"), pdf);
    upload(nachweis);

    assertThat(browser.findElement(By.id("page-messages")).getText()).contains("verschlüsselt gespeichert");
    List<WebElement> links = browser.findElements(By.linkText(nachweis.getFileName().toString()));
    assertThat(links).hasSize(1);
    assertThat(browser.findElement(By.id("attachment-table")).getText()).contains("geprüft, kein Befund");
    assertThat(Browser.seriousViolations(browser)).as("axe-core with the list").isEmpty();

    HttpResponse<byte[]> download = fetchWithSession(links.get(0).getAttribute("href"));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
    assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(fetchWithSession(portal + "/citizen/attachment?id=" + UUID.randomUUID()).statusCode()).isEqualTo(404);

    Path harmless = Files.write(files.resolve("harmlos.pdf"),
        ("%PDF-1.4\n% " + EICAR + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    upload(harmless);
    assertThat(browser.findElement(By.id("upload:file-error")).getText()).contains("Schadsoftware");
    assertThat(browser.findElements(By.linkText("harmlos.pdf"))).isEmpty();
    assertThat(Browser.seriousViolations(browser)).as("axe-core with a field error").isEmpty();

    browser.get(portal + "/citizen/upload-demo.xhtml?lang=en");
    Browser.awaitOrExplain(browser, By.id("upload:file"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Upload attachments (preview)");
    Path lying = Files.write(files.resolve("rechnung.pdf"), new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0});
    upload(lying);
    assertThat(browser.findElement(By.id("upload:file-error")).getText()).contains("does not match its file extension");
    assertThat(Browser.seriousViolations(browser)).as("axe-core in English").isEmpty();
  }

  /** The download link with the browser's session cookie, to compare the exact bytes. */
  private HttpResponse<byte[]> fetchWithSession(String url) throws Exception {
    Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Cookie", session.getName() + "=" + session.getValue())
        .GET()
        .build();
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
