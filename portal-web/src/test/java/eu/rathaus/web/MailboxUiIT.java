package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.Jdbc;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The mailbox from both sides in the browser: Erika writes to Musterstadt (her script text is shown
 * as text), Musterstadt's admin sees the unread marker and answers, Erika gets the content-free
 * mail with the link, sees the unread marker, opens the thread (the read receipt is recorded),
 * replies with a PDF, and the office sees the receipt. A foreign thread id is the 404 page.
 * axe-core on every mailbox page.
 */
class MailboxUiIT extends BrowserJourney {

  private static final String ERIKA_MAIL = "erika.mustermann@example.org";

  @TempDir Path files;

  private void signOut() {
    browser.findElement(By.id("logout")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
  }

  private String unreadMarkerOf(UUID threadId) {
    return browser
        .findElement(By.xpath("//a[@id='thread-" + threadId + "']/ancestor::tr"))
        .getText();
  }

  @Test
  void erikaAndHerMunicipalityWriteReadAndSeeTheReceipt() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String title = "Frage " + marker;
    String script = "<script>alert('" + marker + "')</script>";

    signInAsErika();
    browser.findElement(By.id("nav-mailbox")).click();
    Browser.awaitOrExplain(browser, By.id("mailbox-heading"));
    accessible("the citizen's mailbox");
    new Select(browser.findElement(By.id("new-municipality"))).selectByVisibleText("Musterstadt");
    type("new-title", title);
    browser.findElement(By.id("new:send")).click();
    Browser.awaitOrExplain(browser, By.id("new-errors"));
    assertThat(browser.findElement(By.id("new-errors")).getText()).contains("leere Nachricht");
    assertThat(browser.findElement(By.id("new-title")).getAttribute("value")).isEqualTo(title);
    accessible("the mailbox with a refusal");
    type("new-text", script + "\nWann wird der Sperrmüll abgeholt?");
    browser.findElement(By.id("new:send")).click();
    Browser.awaitOrExplain(browser, By.id("thread-heading"));
    assertThat(browser.findElement(By.id("thread-heading")).getText()).isEqualTo(title);
    UUID threadId =
        UUID.fromString(browser.getCurrentUrl().replaceAll(".*[?&]id=([0-9a-f-]{36}).*", "$1"));
    assertThat(browser.findElement(By.cssSelector(".rh-message-body")).getText())
        .startsWith(script);
    assertThat(browser.getPageSource()).doesNotContain(script).contains("&lt;script&gt;alert");
    accessible("the citizen's thread");
    assertThat(fetchWithSession("/citizen/thread.xhtml?id=" + UUID.randomUUID()).statusCode())
        .isEqualTo(404);
    signOut();

    signInAsMoritz();
    browser.findElement(By.id("nav-office-mailbox")).click();
    Browser.awaitOrExplain(browser, By.id("threads-table"));
    assertThat(unreadMarkerOf(threadId)).contains(title, "1 ungelesen");
    accessible("the office's mailbox");
    browser.findElement(By.id("thread-" + threadId)).click();
    Browser.awaitOrExplain(browser, By.id("thread-heading"));
    assertThat(browser.getPageSource()).doesNotContain(script);
    type("staff-text", "Der Sperrmüll wird dienstags abgeholt.");
    browser.findElement(By.id("staff-write:send")).click();
    Browser.awaitOrExplain(browser, By.id("sent-message"));
    assertThat(browser.findElements(By.cssSelector(".receipt")).get(0).getText())
        .isEqualTo("Noch nicht gelesen");
    accessible("the office's thread");
    browser.get(portal + "/municipal/notifications.xhtml");
    Browser.awaitOrExplain(browser, By.id("failed-heading"));
    accessible("failed notifications");
    signOut();

    String mail = ItMail.awaitTextTo(ERIKA_MAIL, "/citizen/thread.xhtml?id=" + threadId, 30_000);
    assertThat(mail)
        .as("the notice with the link")
        .isNotNull()
        .doesNotContain("dienstags")
        .doesNotContain(marker);

    signInAsErika();
    browser.findElement(By.id("nav-mailbox")).click();
    Browser.awaitOrExplain(browser, By.id("threads-table"));
    assertThat(unreadMarkerOf(threadId)).contains("1 ungelesen");
    browser.findElement(By.id("thread-" + threadId)).click();
    Browser.awaitOrExplain(browser, By.id("thread-heading"));
    assertThat(browser.findElement(By.cssSelector(".rh-message-staff")).getText())
        .contains("dienstags", "Neu");
    assertThat(staffMessageReadAt(threadId)).as("the read receipt").isTrue();

    String pdfName = "Foto-" + marker + ".pdf";
    Path pdf =
        Files.write(
            files.resolve(pdfName),
            ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% "
                    + marker
                    + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII));
    type("reply-text", "Danke! Anbei ein Foto.");
    browser.findElement(By.id("reply-files")).sendKeys(pdf.toAbsolutePath().toString());
    browser.findElement(By.id("reply:send")).click();
    Browser.awaitOrExplain(browser, By.id("sent-message"));
    assertThat(browser.findElements(By.linkText(pdfName))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector(".rh-message .rh-unread"))).isEmpty();
    accessible("the thread after replying");
    String href = browser.findElement(By.linkText(pdfName)).getAttribute("href");
    HttpResponse<byte[]> file = fetchWithSession(href.substring(href.indexOf("/citizen/")));
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), StandardCharsets.US_ASCII)).contains(marker);
    signOut();

    signInAsMoritz();
    browser.get(portal + "/office/thread.xhtml?id=" + threadId);
    Browser.awaitOrExplain(browser, By.id("thread-heading"));
    assertThat(browser.findElements(By.cssSelector(".receipt")).get(0).getText())
        .startsWith("Gelesen am");
    assertThat(browser.findElements(By.linkText(pdfName))).hasSize(1);
  }

  @Test
  void theClerkWritesThroughTheCaseFragmentAndErikaFindsItUnderHerApplication() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    signInAsErika();
    String reference = fileMeldebescheinigungAsErika(service, "extended", ERIKA_MAIL);
    UUID caseId = caseOf(reference);
    signOut();

    signInAsMoritz();
    browser.get(portal + "/office/thread.xhtml?case=" + caseId);
    Browser.awaitOrExplain(browser, By.id("no-case-messages"));
    assertThat(browser.findElement(By.id("thread-heading")).getText()).contains(reference);
    accessible("the case's thread, still empty");
    String pdfName = "Formular-" + reference + ".pdf";
    Path pdf =
        Files.write(
            files.resolve(pdfName),
            ("%PDF-1.4\n% " + reference + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    type("staff-text", "Bitte füllen Sie das angehängte Formular aus.");
    browser.findElement(By.id("staff-files")).sendKeys(pdf.toAbsolutePath().toString());
    browser.findElement(By.id("staff-write:send")).click();
    Browser.awaitOrExplain(browser, By.id("sent-message"));
    assertThat(browser.findElements(By.linkText(pdfName))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".receipt")).getText())
        .isEqualTo("Noch nicht gelesen");
    accessible("the case's thread with a message");
    assertThat(fetchWithSession("/office/thread.xhtml?case=" + UUID.randomUUID()).statusCode())
        .isEqualTo(404);
    signOut();

    signInAsErika();
    browser.findElement(By.id("nav-mailbox")).click();
    Browser.awaitOrExplain(browser, By.id("threads-table"));
    assertThat(browser.findElement(By.id("threads-table")).getText())
        .contains("Zum Antrag " + reference);
    browser.findElement(By.linkText("Zum Antrag " + reference)).click();
    Browser.awaitOrExplain(browser, By.linkText(pdfName));
    String href = browser.findElement(By.linkText(pdfName)).getAttribute("href");
    HttpResponse<byte[]> file = fetchWithSession(href.substring(href.indexOf("/citizen/")));
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), StandardCharsets.US_ASCII)).contains(reference);
  }

  private static UUID caseOf(String reference) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select c.id from case_record c join case_application a"
                    + " on a.id = c.application_id where a.reference_number = ?")) {
      s.setString(1, reference);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getObject(1, UUID.class);
      }
    }
  }

  private static boolean staffMessageReadAt(UUID threadId) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from mailbox_message where thread_id = ? and author_kind = 'STAFF' and read_at is not null")) {
      s.setObject(1, threadId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) == 1;
      }
    }
  }
}
