package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItServices;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Erika applies for a Meldebescheinigung over two sessions: step 1, sign out, sign in again, resume
 * from "Meine Anträge", a German message for a bad postal code, review, submit, reference number,
 * PDF receipt, confirmation mail without personal content. axe-core on every page of the way.
 */
class CitizenApplicationUiIT extends BrowserJourney {

  private static final String ERIKA_MAIL = "erika.mustermann@example.org";

  @Test
  void erikaAppliesOverTwoSessionsAndGetsReferenceReceiptAndMail() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    signInAsErika();

    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=" + service);
    Browser.awaitOrExplain(browser, By.id("apply-heading"));
    assertThat(browser.findElement(By.id("apply-progress")).getText()).isEqualTo("Schritt 1 von 3");
    accessible("step 1");
    type("a-firstNames", "Erika");
    type("a-lastName", "Mustermann");
    type("a-birthDate", "12.08.1964");
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-certificateType-simple"));
    assertThat(browser.findElement(By.id("apply-progress")).getText()).isEqualTo("Schritt 2 von 3");

    // Second session: the draft waits in "Meine Anträge".
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login"));
    signInAsErika();
    browser.findElement(By.id("nav-applications")).click();
    Browser.awaitOrExplain(browser, By.id("drafts-table"));
    accessible("Meine Anträge");
    browser.findElement(By.cssSelector("#drafts-table a.resume-link")).click();
    Browser.awaitOrExplain(browser, By.id("a-certificateType-simple"));
    assertThat(browser.findElement(By.id("apply-progress")).getText()).isEqualTo("Schritt 2 von 3");
    accessible("step 2");

    browser.findElement(By.id("a-certificateType-extended")).click();
    browser.findElement(By.id("a-delivery-post")).click();
    browser.findElement(By.id("step:refresh")).click();
    Browser.awaitOrExplain(browser, By.id("a-postalAddress-street"));
    type("a-postalAddress-street", "Hauptstraße");
    type("a-postalAddress-houseNumber", "12a");
    type("a-postalAddress-postalCode", "1234");
    type("a-postalAddress-city", "Musterstadt");
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("error-summary"));
    assertThat(browser.findElement(By.id("a-postalAddress-postalCode-error")).getText())
        .isEqualTo("Die Postleitzahl besteht aus fünf Ziffern.");
    accessible("step 2 with a validation message");

    type("a-postalAddress-postalCode", "12345");
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-email"));
    assertThat(browser.findElement(By.id("apply-progress")).getText()).isEqualTo("Schritt 3 von 3");
    type("a-email", ERIKA_MAIL);
    browser.findElement(By.id("step:next")).click();

    Browser.awaitOrExplain(browser, By.id("review:submit"));
    assertThat(browser.findElement(By.id("review-fee")).getText()).isEqualTo("15,00 €");
    accessible("review");
    browser.findElement(By.id("review:submit")).click();

    Browser.awaitOrExplain(browser, By.id("submitted-reference"));
    String reference = browser.findElement(By.id("submitted-reference")).getText();
    assertThat(reference).matches("MUS-[0-9]{4}-[0-9]{6}");
    accessible("confirmation");

    HttpResponse<byte[]> receipt = fetchWithSession("/citizen/receipt?ref=" + reference);
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(new String(receipt.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    assertThat(fetchWithSession("/citizen/receipt?ref=MUS-2000-999999").statusCode())
        .isEqualTo(404);
    assertThat(fetchWithSession("/citizen/apply.xhtml?draft=" + UUID.randomUUID()).statusCode())
        .isEqualTo(404);

    browser.findElement(By.id("my-applications-link")).click();
    Browser.awaitOrExplain(browser, By.id("submitted-table"));
    assertThat(browser.findElement(By.id("submitted-table")).getText())
        .contains(reference, "Eingereicht");
    accessible("Meine Anträge with the submitted application");

    // Other journeys may have mailed Erika before: wait for the mail about this application.
    String mail = ItMail.awaitTextTo(ERIKA_MAIL, reference, 30_000);
    assertThat(mail)
        .as("confirmation mail for " + reference)
        .isNotNull()
        .contains("Ihr Antrag ist eingegangen");
    assertThat(mail).doesNotContain("Hauptstraße", "1964", "Mustermann");
  }

  @Test
  void backKeepsWhatWasTypedOnTheStepEvenIfItIsIncomplete() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    signInAsErika();
    startMeldebescheinigungAsErika(service);
    Browser.awaitOrExplain(browser, By.id("a-certificateType-simple"));

    // Incomplete (the rest of the address is missing): no error stops the way back.
    browser.findElement(By.id("a-certificateType-extended")).click();
    browser.findElement(By.id("a-delivery-post")).click();
    browser.findElement(By.id("step:refresh")).click();
    Browser.awaitOrExplain(browser, By.id("a-postalAddress-street"));
    type("a-postalAddress-street", "Hauptstraße");
    browser.findElement(By.id("step:back")).click();
    Browser.awaitOrExplain(browser, By.id("a-firstNames"));
    assertThat(browser.findElements(By.id("error-summary"))).isEmpty();
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-postalAddress-street"));
    assertThat(browser.findElement(By.id("a-postalAddress-street")).getAttribute("value"))
        .isEqualTo("Hauptstraße");
    assertThat(browser.findElement(By.id("a-certificateType-extended")).isSelected()).isTrue();

    // Complete: saved into the draft, so it is there even after the session's own copy is used.
    type("a-postalAddress-houseNumber", "12a");
    type("a-postalAddress-postalCode", "12345");
    type("a-postalAddress-city", "Musterstadt");
    browser.findElement(By.id("step:back")).click();
    Browser.awaitOrExplain(browser, By.id("a-firstNames"));
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-postalAddress-city"));
    assertThat(browser.findElement(By.id("a-postalAddress-city")).getAttribute("value"))
        .isEqualTo("Musterstadt");
    browser.navigate().refresh();
    Browser.awaitOrExplain(browser, By.id("a-postalAddress-city"));
    assertThat(browser.findElement(By.id("a-postalAddress-houseNumber")).getAttribute("value"))
        .isEqualTo("12a");
  }
}
