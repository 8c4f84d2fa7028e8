package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.ItServices;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Erika submits an application; Mia (Musterstadt, signed in through her municipality's directory)
 * finds it in the Posteingang by its reference, claims it and adds an internal note — with the
 * keyboard only (Enter on links and buttons); axe-core is clean on inbox and case page. The fee is
 * still open, so her approval is refused with a clear message; she rejects instead, and the
 * rejection notice lands in the case's thread. Erika then sees "Abgelehnt" in "Meine Anträge", and
 * Beispielheim's clerk gets the 404 page for the case's address.
 */
class OfficeInboxUiIT extends BrowserJourney {

  /** Waits across the table body PrimeFaces replaces after an AJAX page load. */
  private org.openqa.selenium.support.ui.WebDriverWait afterAjax() {
    org.openqa.selenium.support.ui.WebDriverWait wait =
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /** A row of the Posteingang table, found by the case's reference. */
  private static By row(String reference) {
    return By.xpath(
        "//table//tr[.//a[@class='case-link' and normalize-space()='" + reference + "']]");
  }

  private void press(By locator) {
    WebElement element = browser.findElement(locator);
    element.sendKeys(Keys.ENTER);
  }

  @Test
  void miaFindsClaimsNotesAndDecidesErikasApplicationNotBeforeTheFeeIsPaid() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    ItApplications.signInAsErika(browser, portal);
    String reference = ItApplications.submitMeldebescheinigung(browser, portal, service);
    browser.findElement(By.id("my-applications-link")).click();
    Browser.awaitOrExplain(browser, By.id("submitted-table"));
    assertThat(browser.findElement(By.id("submitted-table")).getText())
        .contains(reference, "Eingereicht");
    assertThat(browser.findElements(By.cssSelector("#submitted-table input[type=submit]")))
        .extracting(e -> e.getAttribute("value"))
        .contains("Zurückziehen");
    ItApplications.signOut(browser);

    ItApplications.signInAsMia(browser, portal);
    Browser.awaitOrExplain(browser, By.id("nav-inbox"));
    press(By.id("nav-inbox"));
    Browser.awaitOrExplain(browser, By.id("inbox-heading"));
    assertThat(browser.findElement(By.id("inbox-heading")).getText()).isEqualTo("Posteingang");
    assertThat(browser.findElement(By.id("status-counters")).getText()).contains("Eingereicht");
    accessible("the inbox");

    // Search by reference through the GET form, submitted with Enter in the search field.
    WebElement search = browser.findElement(By.id("q"));
    search.sendKeys(reference);
    search.sendKeys(Keys.ENTER);
    // The newest case is listed before the search too: wait for the search's page itself.
    awaitStable().until(d -> d.getCurrentUrl().contains("q=" + reference));
    Browser.awaitOrExplain(browser, row(reference));
    WebElement row = browser.findElement(row(reference));
    assertThat(row.getText()).contains("Erika Mustermann", "Eingereicht", "nicht zugewiesen");
    accessible("the inbox with a search");
    assertThat(Browser.cspViolations(browser)).as("CSP violations on the inbox").isEmpty();

    press(
        By.xpath(
            "//tr[.//a[@class='case-link' and normalize-space()='"
                + reference
                + "']]//a[@class='case-link']"));
    Browser.awaitOrExplain(browser, By.id("case-heading"));
    String caseUrl = browser.getCurrentUrl();
    assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Eingereicht");
    assertThat(browser.findElement(By.id("answers-heading")).isDisplayed()).isTrue();
    assertThat(browser.getPageSource()).contains("Mustermann", "12.08.1964");
    accessible("the case page");

    press(By.id("claim:submit"));
    Browser.awaitOrExplain(browser, By.id("case-confirmation"));
    assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("In Bearbeitung");
    assertThat(browser.findElement(By.id("case-assignee")).getText())
        .isEqualTo("Mia Sachbearbeiterin");

    browser.findElement(By.id("note:text")).sendKeys("Telefonisch Rückfrage geklärt.");
    press(By.id("note:submit"));
    Browser.awaitText(browser, By.id("case-confirmation"), "Notiz wurde gespeichert");
    assertThat(browser.findElement(By.id("case-notes")).getText())
        .contains("Telefonisch Rückfrage geklärt.");

    // The fee is not paid: the page says so, and an approval is refused with nothing changed.
    assertThat(browser.findElement(By.id("payment-state")).getText()).isEqualTo("offen");
    assertThat(browser.findElement(By.id("payment-blocked")).getText())
        .contains("erst nach Zahlungseingang");
    browser.findElement(By.id("decide:reasons")).sendKeys("Alle Voraussetzungen sind erfüllt.");
    press(By.id("decide:submit"));
    Browser.awaitText(
        browser, By.id("case-messages"), "erst genehmigt werden, wenn die Gebühr bezahlt ist");
    assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("In Bearbeitung");
    accessible("the case page with a refusal");

    // A rejection needs no payment.
    browser.findElement(By.cssSelector("input[name='decide:decision'][value='reject']")).click();
    WebElement reasons = browser.findElement(By.id("decide:reasons"));
    reasons.clear();
    reasons.sendKeys("Der Hauptwohnsitz liegt nicht in Musterstadt.");
    press(By.id("decide:submit"));
    Browser.awaitText(browser, By.id("case-confirmation"), "Antrag wurde abgelehnt");
    assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Abgelehnt");
    assertThat(browser.findElement(By.id("case-timeline")).getText())
        .contains("Übernommen", "Abgelehnt");
    assertThat(browser.findElement(By.id("case-thread")).getText())
        .contains("Ihr Antrag wird abgelehnt");
    assertThat(browser.findElements(By.id("decide:submit"))).as("no decision twice").isEmpty();
    accessible("the decided case page");
    ItApplications.signOut(browser);

    ItApplications.signInAsErika(browser, portal);
    browser.get(portal + "/citizen/applications.xhtml");
    Browser.awaitOrExplain(browser, By.id("submitted-table"));
    assertThat(browser.findElement(By.id("submitted-table")).getText())
        .contains(reference, "Abgelehnt");
    assertThat(browser.getPageSource()).doesNotContain("Telefonisch Rückfrage");
    ItApplications.signOut(browser);

    ItApplications.assertBeispielheimCannotSee(browser, portal, caseUrl, reference);
  }

  @Test
  void erikaWithdrawsBeforeADecision() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    ItApplications.signInAsErika(browser, portal);
    String reference = ItApplications.submitMeldebescheinigung(browser, portal, service);
    browser.findElement(By.id("my-applications-link")).click();
    Browser.awaitOrExplain(browser, By.id("submitted-table"));
    WebElement row =
        browser.findElement(
            By.xpath(
                "//table[@id='submitted-table']//tr[td[1][normalize-space()='"
                    + reference
                    + "']]"));
    assertThat(row.findElement(By.className("application-expected")).getText())
        .matches("[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}");
    row.findElement(By.cssSelector("input[type=submit]")).sendKeys(Keys.ENTER);
    Browser.awaitText(browser, By.id("mine-messages"), "zurückgezogen");
    WebElement after =
        browser.findElement(
            By.xpath(
                "//table[@id='submitted-table']//tr[td[1][normalize-space()='"
                    + reference
                    + "']]"));
    assertThat(after.findElement(By.className("application-status")).getText())
        .isEqualTo("Zurückgezogen");
    assertThat(after.findElements(By.cssSelector("input[type=submit]"))).isEmpty();
    accessible("Meine Anträge after a withdrawal");
  }

  /**
   * The Posteingang's PrimeFaces paginator loads the next page by AJAX (keyset cursor), operated by
   * keyboard, with no content security policy violation in the console; without JavaScript the same
   * inbox pages with plain links (checked in PortalHttpIT-style by the noscript links' presence).
   */
  @Test
  void miaPagesThroughThePosteingangWithThePaginator() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    ItApplications.signInAsErika(browser, portal);
    ItApplications.submitMeldebescheinigung(browser, portal, service);
    ItApplications.submitMeldebescheinigung(browser, portal, service);
    ItApplications.signOut(browser);

    ItApplications.signInAsMia(browser, portal);
    Browser.awaitOrExplain(browser, By.id("nav-inbox"));
    Browser.cspViolations(browser);
    browser.get(portal + "/office/inbox.xhtml?rows=1");
    Browser.awaitOrExplain(browser, By.cssSelector("#inbox\\:cases .ui-paginator-next"));
    String firstPage = browser.findElement(By.cssSelector("#inbox\\:cases a.case-link")).getText();
    accessible("the inbox with the paginator");

    WebElement next = browser.findElement(By.cssSelector("#inbox\\:cases .ui-paginator-next"));
    assertThat(next.getAttribute("tabindex"))
        .as("the paginator is reachable by keyboard")
        .isEqualTo("0");
    String url = browser.getCurrentUrl();
    next.sendKeys(Keys.ENTER);
    afterAjax()
        .until(
            b ->
                !b.findElement(By.cssSelector("#inbox\\:cases a.case-link"))
                    .getText()
                    .equals(firstPage));
    assertThat(browser.getCurrentUrl()).as("paged by AJAX, not by a new page").isEqualTo(url);
    assertThat(
            browser
                .findElement(By.cssSelector("#inbox\\:cases .ui-paginator-page.ui-state-active"))
                .getText())
        .isEqualTo("2");
    accessible("the inbox on page 2");

    // Back to the first page: the cursor of page 1 was kept.
    browser.findElement(By.cssSelector("#inbox\\:cases .ui-paginator-prev")).sendKeys(Keys.ENTER);
    afterAjax()
        .until(
            b ->
                b.findElement(By.cssSelector("#inbox\\:cases a.case-link"))
                    .getText()
                    .equals(firstPage));
    assertThat(Browser.cspViolations(browser)).as("CSP violations in the console").isEmpty();
    assertThat(browser.getPageSource()).contains("page-next");
  }
}
