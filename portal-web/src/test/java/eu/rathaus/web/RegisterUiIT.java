package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The register clerk's page in the browser: Ben (register clerk of Beispielheim) must give a reason
 * before anything is read, then finds Luca Basis and opens the record with the current address;
 * Erika, a citizen, is refused the page. axe-core on the search and the record.
 */
class RegisterUiIT extends BrowserJourney {

  @Test
  void aRegisterClerkSearchesWithAReasonAndOpensARecord() throws Exception {
    ItApplications.signInAsBen(browser, portal);
    browser.findElement(By.id("nav-register")).click();
    Browser.awaitOrExplain(browser, By.id("register-heading"));
    accessible("register search");

    type("register:query", "Basis");
    browser.findElement(By.id("register:search")).click();
    Browser.awaitOrExplain(browser, By.id("reason-error"));
    assertThat(text("reason-error")).contains("Grund");
    assertThat(browser.findElements(By.id("register-hits"))).isEmpty();

    type("register:reason", "Az. UI-1/26");
    type("register:query", "luca basis");
    browser.findElement(By.id("register:search")).click();
    Browser.awaitOrExplain(browser, By.id("register-hits"));
    assertThat(text("register-hits")).contains("Basis, Luca", "Am Bach 8, 72099 Beispielheim");
    accessible("register hits");

    browser.findElement(By.cssSelector("#register-hits input[type=submit]")).click();
    Browser.awaitOrExplain(browser, By.id("register-record"));
    assertThat(text("record-heading")).isEqualTo("Luca Basis");
    assertThat(text("record-addresses")).contains("Am Bach 8, 72099 Beispielheim", "Hauptwohnung");
    accessible("register record");
  }

  @Test
  void aCitizenIsRefusedTheRegister() throws Exception {
    signInAsErika();
    assertThat(fetchWithSession("/office/register/residents.xhtml").statusCode()).isEqualTo(403);
  }
}
