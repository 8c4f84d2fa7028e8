package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.PdfText;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 5's journey across both sides, with the real Keycloak, PostgreSQL, mail server, clamd and
 * payment sandbox: Erika applies for a residence certificate and pays the fee on the sandbox page;
 * Mia (Musterstadt's directory) claims the case and requests a document; Erika gets the e-mail
 * notice (no content), answers in her mailbox with a PDF, and the case is back in review; Mia
 * approves with a text block; Erika reads the PDF notice in her mailbox, and Mia sees the read
 * receipt. Beispielheim's clerk never sees the case. axe-core on every page on the way.
 */
class CaseJourneyUiIT extends BrowserJourney {

  private static final String ERIKA_MAIL = "erika.mustermann@example.org";

  @Test
  void applyPayRequestReplyApproveAndReadTheNotice() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");

    // Erika applies and pays online.
    ItApplications.signInAsErika(browser, portal);
    String reference = ItApplications.submitMeldebescheinigung(browser, portal, service);
    ItApplications.payOnlineOnTheSandbox(browser);
    assertThat(text("return-state")).isEqualTo("bezahlt");
    ItApplications.signOut(browser);

    // Mia claims the case and asks for a document.
    ItApplications.signInAsMia(browser, portal);
    UUID caseId = caseOf(reference);
    browser.get(portal + "/office/case.xhtml?id=" + caseId);
    Browser.awaitOrExplain(browser, By.id("case-heading"));
    assertThat(text("payment-state")).isEqualTo("bezahlt");
    assertThat(browser.findElements(By.id("payment-blocked"))).isEmpty();
    browser.findElement(By.id("claim:submit")).click();
    Browser.awaitOrExplain(browser, By.id("case-confirmation"));
    assertThat(text("case-timeline"))
        .as("one timeline entry for the claim")
        .contains("Übernommen")
        .doesNotContain("Zugewiesen an");
    assertThat(browser.findElements(By.id("actions-note"))).isEmpty();
    type("request:text", "Bitte laden Sie eine Kopie Ihres Personalausweises hoch.");
    browser.findElement(By.id("request:submit")).click();
    Browser.awaitText(browser, By.id("case-confirmation"), "Informationen wurden angefordert");
    assertThat(text("case-status")).isEqualTo("Wartet auf antragstellende Person");
    assertThat(text("actions-note"))
        .as("the empty block explains itself")
        .startsWith("Der Vorgang wartet auf die Antwort der antragstellenden Person");
    assertThat(text("case-thread")).contains("Kopie Ihres Personalausweises", "Noch nicht gelesen");
    accessible("the case page waiting for the citizen");
    ItApplications.signOut(browser);

    // The e-mail says there is a message, and where — not what it says.
    UUID threadId = threadOf(caseId);
    String mail = ItMail.awaitTextTo(ERIKA_MAIL, "/citizen/thread.xhtml?id=" + threadId, 30_000);
    assertThat(mail)
        .as("notice mail for the request")
        .isNotNull()
        .doesNotContain("Personalausweis");

    // Erika answers with a PDF in her mailbox; every page's navigation shows the unread message.
    ItApplications.signInAsErika(browser, portal);
    Browser.awaitOrExplain(browser, By.id("nav-mailbox-unread"));
    assertThat(text("nav-mailbox-unread")).matches("[1-9][0-9]* ungelesen");
    browser.findElement(By.id("nav-mailbox")).click();
    Browser.awaitOrExplain(browser, By.id("threads-table"));
    accessible("the citizen's mailbox");
    browser.findElement(By.linkText("Zum Antrag " + reference)).click();
    Browser.awaitOrExplain(browser, By.id("thread-heading"));
    assertThat(browser.findElement(By.cssSelector(".rh-message-staff")).getText())
        .contains("Kopie Ihres Personalausweises");
    String pdfName = "Ausweis-" + reference + ".pdf";
    Path pdf = Files.createTempDirectory("rathaus-journey").resolve(pdfName);
    Files.write(
        pdf, ("%PDF-1.4\n% " + reference + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    type("reply-text", "Anbei die Kopie meines Ausweises.");
    browser.findElement(By.id("reply-files")).sendKeys(pdf.toAbsolutePath().toString());
    browser.findElement(By.id("reply:send")).click();
    Browser.awaitOrExplain(browser, By.id("sent-message"));
    accessible("the citizen's thread after replying");
    ItApplications.signOut(browser);

    // Back in review; Mia approves with a text block, the notice goes to the mailbox.
    ItApplications.signInAsMia(browser, portal);
    browser.get(portal + "/office/case.xhtml?id=" + caseId);
    Browser.awaitOrExplain(browser, By.id("case-heading"));
    assertThat(text("case-status")).isEqualTo("In Bearbeitung");
    assertThat(text("case-thread")).contains("Anbei die Kopie meines Ausweises.", pdfName);
    Select blocks = new Select(browser.findElement(By.id("decide:block")));
    assertThat(blocks.getOptions()).isNotEmpty();
    blocks.selectByIndex(0);
    String block = blocks.getFirstSelectedOption().getText();
    browser.findElement(By.id("decide:use-block")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(b -> !b.findElement(By.id("decide:reasons")).getAttribute("value").isBlank());
    assertThat(block).isNotBlank();
    browser.findElement(By.id("decide:submit")).click();
    Browser.awaitText(browser, By.id("case-confirmation"), "Antrag wurde genehmigt");
    assertThat(text("case-status")).isEqualTo("Genehmigt");
    assertThat(text("case-thread")).contains("Ihrem Antrag wird stattgegeben");
    List<WebElement> receipts = browser.findElements(By.cssSelector("#case-thread .receipt"));
    assertThat(receipts.get(receipts.size() - 1).getText()).isEqualTo("Noch nicht gelesen");
    accessible("the approved case page");
    String caseUrl = browser.getCurrentUrl();
    ItApplications.signOut(browser);

    // Erika reads the notice: a PDF with the decision and the legal remedy.
    ItApplications.signInAsErika(browser, portal);
    browser.get(portal + "/citizen/thread.xhtml?id=" + threadId);
    Browser.awaitOrExplain(browser, By.id("thread-heading"));
    WebElement notice = browser.findElement(By.partialLinkText("Bescheid"));
    String href = notice.getAttribute("href");
    HttpResponse<byte[]> file = fetchWithSession(href.substring(href.indexOf("/citizen/")));
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(PdfText.of(file.body()))
        .contains("Genehmigung", reference, "Rechtsbehelfsbelehrung");
    accessible("the citizen's thread with the notice");
    browser.get(portal + "/citizen/applications.xhtml");
    Browser.awaitOrExplain(browser, By.id("submitted-table"));
    assertThat(text("submitted-table")).contains(reference, "Genehmigt");
    ItApplications.signOut(browser);

    // Mia sees when Erika opened it.
    ItApplications.signInAsMia(browser, portal);
    browser.get(caseUrl);
    Browser.awaitOrExplain(browser, By.id("case-thread"));
    receipts = browser.findElements(By.cssSelector("#case-thread .receipt"));
    assertThat(receipts.get(receipts.size() - 1).getText()).startsWith("Gelesen am");
    ItApplications.signOut(browser);

    // Beispielheim's clerk: not found, not in the inbox.
    ItApplications.assertBeispielheimCannotSee(browser, portal, caseUrl, reference);
  }

  private static UUID caseOf(String reference) throws Exception {
    return uuid(
        "select c.id from case_record c join case_application a on a.id = c.application_id"
            + " where a.reference_number = ?",
        reference);
  }

  private static UUID threadOf(UUID caseId) throws Exception {
    return uuid("select id from mailbox_thread where case_id = ?", caseId);
  }

  private static UUID uuid(String sql, Object parameter) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as(sql + " " + parameter).isTrue();
        return r.getObject(1, UUID.class);
      }
    }
  }
}
