package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.KeycloakForms;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 16 in a real browser: a visitor who browses the public pages and switches the language has
 * no session cookie (only the language cookie); signing in through the eID and starting a form work
 * as before and bring the session.
 */
class StatelessBrowsingUiIT extends BrowserJourney {

  @Test
  void browsingCreatesNoSessionSigningInAndStartingAFormDo() {
    browser.get(portal + "/");
    browser.findElement(By.linkText("Musterstadt")).click();
    Browser.awaitOrExplain(browser, By.id("municipality-heading"));
    browser.get(portal + "/service.xhtml?m=musterstadt&s=demo.bewohnerparkausweis");
    Browser.awaitOrExplain(browser, By.id("service-title"));
    browser.findElement(By.linkText("English")).click();
    Browser.awaitText(browser, By.id("facts-heading"), "At a glance");
    browser.get(portal + "/legal/imprint.xhtml");
    Browser.awaitOrExplain(browser, By.tagName("h1"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
        .as("the language stays without ?lang")
        .isEqualTo("en");
    assertThat(browser.manage().getCookieNamed("JSESSIONID")).as("no session yet").isNull();
    assertThat(browser.manage().getCookieNamed("rathaus.lang").getValue()).isEqualTo("en");

    browser.findElement(By.id("login")).click();
    Browser.awaitOrExplain(browser, By.id("username"));
    KeycloakForms.signIn(browser, "erika.mustermann", "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    assertThat(browser.manage().getCookieNamed("JSESSIONID"))
        .as("signed in: a session")
        .isNotNull();

    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=demo.fundsache-verlust");
    Browser.awaitOrExplain(browser, By.id("apply-heading"));
    assertThat(browser.getPageSource()).as("a started form keeps its state").contains("ViewState");
  }
}
