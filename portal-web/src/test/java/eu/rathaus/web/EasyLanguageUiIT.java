package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 17, BITV 2.0 section 4: the Leichte Sprache page, reached by keyboard from the start page
 * and linked from every footer, German (lang="de") also in the English portal, free of axe-core
 * violations, and stateless: reading it starts no session.
 */
class EasyLanguageUiIT extends BrowserJourney {

  @Test
  void theStartPageLeadsByKeyboardToThePageInLeichteSprache() {
    browser.get(portal + "/");
    Browser.awaitOrExplain(browser, By.id("home-easy"));
    WebElement target = browser.findElement(By.id("home-easy"));
    assertThat(target.getText()).isEqualTo("Leichte Sprache");
    // Tab from the top of the page until the link has the focus, then Enter follows it.
    WebElement focused = browser.switchTo().activeElement();
    for (int i = 0; i < 40 && !target.equals(focused); i++) {
      focused.sendKeys(Keys.TAB);
      focused = browser.switchTo().activeElement();
    }
    assertThat(focused).as("the link is reachable by the Tab key").isEqualTo(target);
    focused.sendKeys(Keys.ENTER);

    Browser.awaitOrExplain(browser, By.id("easy"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Das Rathaus·portal in Leichter Sprache");
    assertThat(browser.findElement(By.id("easy")).getText())
        .contains(
            "So finden Sie Ihre Gemeinde",
            "So stellen Sie einen Antrag",
            "Ein Bescheid ist ein Brief vom Amt.",
            "Barriere·freiheit heißt");
    assertThat(browser.findElement(By.id("easy-accessibility")).getAttribute("href"))
        .endsWith("/legal/accessibility.xhtml");
    assertThat(browser.findElement(By.id("footer-easy")).getAttribute("href"))
        .endsWith("/leichte-sprache.xhtml");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on Leichte Sprache").isEmpty();
  }

  @Test
  void inTheEnglishPortalThePageStaysGermanAndSaysSo() {
    browser.get(portal + "/leichte-sprache.xhtml?lang=en");
    Browser.awaitOrExplain(browser, By.id("easy"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.findElement(By.id("easy")).getAttribute("lang")).isEqualTo("de");
    assertThat(browser.findElement(By.id("footer-easy")).getAttribute("lang")).isEqualTo("de");
    assertThat(browser.findElement(By.id("easy")).getText())
        .contains("Was ist das Rathaus·portal?");
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core on Leichte Sprache (English portal)")
        .isEmpty();
  }

  @Test
  void readingThePageStartsNoSession() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(portal + "/leichte-sprache.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Das Rathaus·portal in Leichter Sprache");
    assertThat(page.headers().allValues("Set-Cookie"))
        .as("no session cookie")
        .noneMatch(c -> c.startsWith("JSESSIONID"));
  }
}
