package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.KeycloakForms;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Musterstadt's municipal admin signs in through the city's staff directory, opens "Textbausteine",
 * meets a German message at the field for a block without a title (nothing saved), adds a block,
 * sees it listed and deactivates it. axe-core is clean on the page, also with the problem shown.
 */
class TextBlocksUiIT extends BrowserJourney {

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Test
  void adminAddsATextBlockAfterFixingABadInput() {
    String title = "UI-Baustein " + Long.toString(System.currentTimeMillis(), 36);

    browser.get(portal + "/");
    browser.findElement(By.id("login-staff")).click();
    KeycloakForms.typeIdentity(browser, "moritz.admin@musterstadt.de");
    await().until(d -> KeycloakForms.onRealm(browser, "musterstadt-verzeichnis"));
    KeycloakForms.signIn(browser, "moritz.admin@musterstadt.de", "demo");
    Browser.awaitOrExplain(browser, By.id("nav-text-blocks"));
    browser.findElement(By.id("nav-text-blocks")).click();
    Browser.awaitOrExplain(browser, By.id("block:save"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Textbausteine für Bescheide");
    assertThat(browser.findElement(By.id("block-table")).getText()).contains("Rechtsbehelfsbelehrung", "Voraussetzungen erfüllt");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the text blocks page").isEmpty();

    // No title: the German message stands at the title field, and nothing is listed.
    new Select(browser.findElement(By.id("block:kind"))).selectByVisibleText("Begründung Ablehnung");
    fill("block:body", "Der Nachweis des Hauptwohnsitzes fehlt.");
    browser.findElement(By.id("block:save")).click();
    Browser.awaitOrExplain(browser, By.id("block:title-error"));
    assertThat(browser.findElement(By.id("block:title-error")).getText()).isEqualTo("Bitte geben Sie einen Titel ein.");
    assertThat(browser.findElement(By.id("block-table")).getText()).doesNotContain("Der Nachweis des Hauptwohnsitzes fehlt.");
    assertThat(browser.findElement(By.id("block:body")).getAttribute("value")).isEqualTo("Der Nachweis des Hauptwohnsitzes fehlt.");
    assertThat(Browser.seriousViolations(browser)).as("axe-core with a problem at the field").isEmpty();

    fill("block:title", title);
    fill("block:order", "30");
    browser.findElement(By.id("block:save")).click();
    await().until(d -> d.findElement(By.id("page-messages")).getText().contains("„" + title + "“ wurde gespeichert"));
    By row = By.xpath("//tr[td[@class='rh-block-title' and text()='" + title + "']]");
    assertThat(browser.findElement(row).getText()).contains("Begründung Ablehnung", "Der Nachweis des Hauptwohnsitzes fehlt.", "aktiv");

    browser.findElement(row).findElement(By.xpath(".//input[@value='Deaktivieren']")).click();
    await().until(d -> d.findElement(row).getText().contains("deaktiviert"));
    assertThat(Browser.seriousViolations(browser)).as("axe-core after deactivating").isEmpty();
  }
}
