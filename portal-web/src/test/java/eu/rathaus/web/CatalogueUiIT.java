package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A visitor, not signed in, finds the dog tax registration of Musterstadt: start page →
 * municipality → search "Hund" (keyboard only) → service page with fee, deadline, level and "Antrag
 * starten"; axe-core finds nothing serious on either catalogue page.
 */
class CatalogueUiIT extends BrowserJourney {

  @Test
  void visitorFindsTheDogTaxFromTheStartPage() {
    browser.get(portal + "/");
    browser.findElement(By.linkText("Musterstadt")).click();

    Browser.awaitOrExplain(browser, By.id("municipality-heading"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Musterstadt");
    assertThat(browser.findElement(By.id("services")).getText())
        .contains(
            "Bewohnerparkausweis beantragen",
            "Meldebescheinigung beantragen",
            "30,00 € bis 60,00 €");
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core on the municipality page")
        .isEmpty();
    categoriesUseTheWidth();

    WebElement search = browser.findElement(By.id("q"));
    search.sendKeys("Hund", Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("search-reset"));
    assertThat(browser.findElement(By.id("result-count")).getText())
        .isEqualTo("1 Leistung zu „Hund“ gefunden.");
    assertThat(browser.findElement(By.id("services")).getText())
        .contains("Anmeldung eines Hundes zur Hundesteuer")
        .doesNotContain("Bewohnerparkausweis");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the search result").isEmpty();

    browser.findElement(By.linkText("Anmeldung eines Hundes zur Hundesteuer")).sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("service-title"));
    assertThat(browser.findElement(By.id("service-title")).getText())
        .isEqualTo("Anmeldung eines Hundes zur Hundesteuer");
    assertThat(browser.findElement(By.id("fee")).getText()).isEqualTo("gebührenfrei");
    assertThat(browser.findElement(By.id("deadline")).getText()).isEqualTo("in der Regel 14 Tage");
    assertThat(browser.findElement(By.id("level")).getText()).startsWith("substanziell");
    assertThat(browser.findElement(By.id("documents")).getText())
        .contains("Bescheinigung über den Wesenstest (nur wenn es auf Sie zutrifft)");
    WebElement apply = browser.findElement(By.id("apply"));
    assertThat(apply.getText()).isEqualTo("Antrag starten");
    assertThat(apply.getAttribute("href"))
        .endsWith("/citizen/apply.xhtml?m=musterstadt&s=demo.hundesteuer-anmeldung");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the service page").isEmpty();

    // The language switch stays on the same service.
    browser.findElement(By.linkText("English")).click();
    Browser.awaitOrExplain(browser, By.id("service-title"));
    assertThat(browser.findElement(By.id("service-title")).getText())
        .isEqualTo("Register a dog for dog tax");
    assertThat(browser.findElement(By.id("apply")).getText()).isEqualTo("Start application");
  }

  /**
   * Categories of one or two services stand side by side (a 1280 px window has room for several),
   * each narrower than the list; none leaves a wide row to a single card.
   */
  private void categoriesUseTheWidth() {
    int listWidth = browser.findElement(By.id("services")).getRect().getWidth();
    List<WebElement> small =
        browser.findElements(By.cssSelector("#services .rh-category")).stream()
            .filter(c -> c.findElements(By.cssSelector(".rh-card")).size() < 3)
            .toList();
    assertThat(small).as("categories of one or two services").hasSizeGreaterThanOrEqualTo(2);
    for (WebElement category : small) {
      assertThat(category.getRect().getWidth())
          .as("width of category %s", category.findElement(By.tagName("h3")).getText())
          .isLessThan(listWidth * 2 / 3);
    }
    assertThat(small.stream().map(c -> c.getRect().getY()).distinct().count())
        .as("rows taken by %d small categories", small.size())
        .isLessThan(small.size());
  }
}
