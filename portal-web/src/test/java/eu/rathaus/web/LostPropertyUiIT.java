package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The lost-property office in the browser: Mia (Musterstadt's clerk) records a found wallet (an
 * empty form is refused field by field first); a visitor finds it through the municipality page's
 * link in the public search and sees no finder data; Erika reports the loss through the "Fundsache
 * / Verlust melden" service; Mia sees the wallet suggested for Erika's report and confirms it.
 * axe-core is clean on every page. The wallet carries a word of its own.
 */
class LostPropertyUiIT extends BrowserJourney {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private void freshBrowser() throws Exception {
    browser.quit();
    browser = Browser.start(false);
  }

  @Test
  void aRecordedWalletIsFoundPubliclyAndMatchedWithALossReport() throws Exception {
    String word = "zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String finder = "Fenja Finderin " + word;

    // Mia records the wallet; an empty form first is refused with a message per field.
    ItApplications.signInAsMia(browser, portal);
    browser.findElement(By.id("nav-lost-property")).click();
    Browser.awaitOrExplain(browser, By.id("record:save"));
    accessible("the lost-property office");
    browser.findElement(By.id("record:save")).click();
    Browser.awaitText(browser, By.id("description-error"), "mindestens 3 Zeichen");
    assertThat(text("category-error")).contains("Art des Gegenstands");
    assertThat(text("keptAt-error")).contains("Bitte füllen Sie dieses Feld aus");
    assertThat(browser.findElement(By.id("record:keptAt")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    accessible("the refused form");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("record:category")))
        .selectByValue("wallet");
    type("record:description", "Braune Geldbörse aus Leder, Aufkleber " + word);
    type("record:foundPlace", "Bushaltestelle Marktplatz");
    browser.executeScript(
        "arguments[0].value = arguments[1]",
        browser.findElement(By.id("record:foundOn")),
        LocalDate.now(BERLIN).minusDays(1).toString());
    type("record:keptAt", "Fundbüro, Zimmer 12");
    type("record:finderName", finder);
    type("record:finderContact", "fenja@example.org");
    browser.findElement(By.id("record:save")).click();
    Browser.awaitText(browser, By.id("office-notice"), "erfasst");
    WebElement row =
        browser.findElement(
            By.xpath("//table[@id='found-items']//tr[contains(., '" + word + "')]"));
    assertThat(row.getText()).contains("Im Fundbüro").doesNotContain(finder);
    accessible("the office after recording");

    // A visitor finds it from the municipality page, without any finder data.
    freshBrowser();
    browser.get(portal + "/municipality.xhtml?m=musterstadt");
    browser.findElement(By.id("lostproperty-link")).click();
    Browser.awaitOrExplain(browser, By.id("lostproperty-search"));
    accessible("the public lost-property search");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("category")))
        .selectByValue("wallet");
    type("q", word);
    browser.findElement(By.id("lostproperty-submit")).click();
    Browser.awaitText(browser, By.id("result-count"), "Eine Fundsache gefunden");
    assertThat(text("found-items")).contains("Geldbörse", word, "Bushaltestelle Marktplatz");
    assertThat(browser.getPageSource()).doesNotContain("Fenja", "fenja@example.org");
    assertThat(browser.manage().getCookieNamed("JSESSIONID")).isNull();
    accessible("the search result");

    // Erika reports her loss.
    freshBrowser();
    ItApplications.signInAsErika(browser, portal);
    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=demo.fundsache-verlust");
    Browser.awaitOrExplain(browser, By.id("a-reportType-lost"));
    browser.findElement(By.id("a-reportType-lost")).click();
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-itemCategory-wallet"));
    browser.findElement(By.id("a-itemCategory-wallet")).click();
    type("a-description", "Meine braune Geldbörse mit Aufkleber " + word);
    type("a-place", "am Marktplatz");
    type(
        "a-date",
        LocalDate.now(BERLIN).minusDays(2).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-email"));
    type("a-firstNames", "Erika");
    type("a-lastName", "Mustermann");
    type("a-email", "erika.mustermann@example.org");
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("review:submit"));
    browser.findElement(By.id("review:submit")).click();
    Browser.awaitOrExplain(browser, By.id("submitted-reference"));
    String reference = text("submitted-reference");

    // Mia sees the wallet suggested for Erika's report and confirms it.
    freshBrowser();
    ItApplications.signInAsMia(browser, portal);
    browser.get(portal + "/office/lost-property.xhtml");
    By report = By.xpath("//section[h3[contains(., '" + reference + "')]]");
    Browser.awaitOrExplain(browser, report);
    WebElement suggestion =
        browser
            .findElement(report)
            .findElement(
                By.xpath(".//li[contains(@class, 'rh-suggestion')][contains(., '" + word + "')]"));
    accessible("the office with a suggested match");
    suggestion.findElement(By.tagName("input")).click();
    Browser.awaitText(browser, By.id("office-notice"), "Treffer ist bestätigt");
    assertThat(
            browser
                .findElement(
                    By.xpath("//table[@id='found-items']//tr[contains(., '" + word + "')]"))
                .getText())
        .contains("Eigentum gemeldet");
    assertThat(browser.findElements(report)).isEmpty();
    accessible("the office after confirming");
  }
}
