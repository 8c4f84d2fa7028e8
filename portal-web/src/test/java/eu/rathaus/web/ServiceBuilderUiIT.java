package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.KeycloakForms;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Beispielheim's admin builds a three-step service from scratch in the form builder (plain forms,
 * no JavaScript needed), meets a validation problem at the field it concerns, publishes, and the
 * public catalogue shows the new service. axe-core is clean on the services page and the builder.
 */
class ServiceBuilderUiIT extends BrowserJourney {

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private void click(String id) {
    browser.findElement(By.id(id)).click();
  }

  private void addStep(String key, String title, String fieldKey, String fieldLabel) {
    fill("step-editor:key", key);
    fill("step-editor:titleDe", title);
    fill("step-editor:firstKey", fieldKey);
    fill("step-editor:firstLabelDe", fieldLabel);
    click("step-editor:save");
    Browser.awaitOrExplain(browser, By.id("field-" + fieldKey));
  }

  @Test
  void adminBuildsPublishesAndCitizensFindTheService() {
    String suffix = Long.toString(System.currentTimeMillis(), 36);
    String title = "Sperrmüllabholung " + suffix;
    String serviceKey = "ui.sperrmuell-" + suffix;

    browser.get(portal + "/");
    click("login-staff");
    KeycloakForms.signIn(browser, "berta.admin", "demo");
    Browser.awaitOrExplain(browser, By.id("nav-services"));
    click("nav-services");
    Browser.awaitOrExplain(browser, By.id("create:submit"));
    assertThat(browser.findElement(By.id("service-table")).getText())
        .contains("Meldebescheinigung");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the services page").isEmpty();

    fill("create:serviceKey", serviceKey);
    fill("create:category", "Abfall");
    fill("create:titleDe", title);
    fill(
        "create:descriptionDe",
        "Abholung von Sperrmüll an Ihrer Haustür, zweimal im Jahr kostenlos.");
    click("create:submit");
    Browser.awaitOrExplain(browser, By.id("builder-heading"));
    assertThat(browser.findElement(By.id("builder-heading")).getText()).contains(title);

    addStep("abholung", "Abholung", "strasse", "Straße und Hausnummer");
    addStep("kontakt", "Kontakt", "telefonHinweis", "Wann sind Sie erreichbar?");
    assertThat(browser.findElements(By.cssSelector("#steps h3"))).hasSize(3);

    // A bad field key: refused by the validator, the problem next to the key input, nothing saved.
    new Select(browser.findElement(By.id("field-editor:step"))).selectByIndex(0);
    fill("field-editor:key", "Bad Key");
    fill("field-editor:labelDe", "Bemerkung");
    click("field-editor:save");
    Browser.awaitOrExplain(browser, By.id("field-editor:key-error"));
    assertThat(browser.findElement(By.id("field-editor:key-error")).getText())
        .contains("beginnt mit einem Kleinbuchstaben");
    assertThat(browser.findElements(By.id("field-Bad Key"))).isEmpty();
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core on the builder with a problem")
        .isEmpty();

    fill("field-editor:key", "bemerkung");
    click("field-editor:save");
    Browser.awaitOrExplain(browser, By.id("field-bemerkung"));

    // Move "bemerkung" from the first step to the last ("Kontakt") through the field editor.
    browser
        .findElement(By.id("field-bemerkung"))
        .findElement(By.cssSelector("input[id$=':edit-field']"))
        .click();
    Browser.awaitOrExplain(browser, By.id("field-editor:targetStep"));
    new Select(browser.findElement(By.id("field-editor:targetStep"))).selectByIndex(2);
    click("field-editor:move-to-step");
    Browser.awaitOrExplain(browser, By.cssSelector("#step-kontakt #field-bemerkung"));
    assertThat(browser.findElements(By.id("field-editor:targetStep"))).isEmpty();

    // The catalogue texts change at once, outside the versioned form.
    fill("texts:category", "Abfall und Wertstoffe");
    fill("texts:titleDe", title + " neu");
    click("texts:save");
    Browser.awaitText(browser, By.id("builder-heading"), title + " neu");
    assertThat(browser.findElement(By.id("texts:category")).getAttribute("value"))
        .isEqualTo("Abfall und Wertstoffe");
    assertThat(browser.findElement(By.id("page-messages")).getText())
        .contains("Die Beschreibung wurde gespeichert.");

    // The live preview renders through the citizen form's fragment.
    WebElement preview = browser.findElement(By.id("preview"));
    assertThat(preview.findElements(By.id("a-strasse"))).hasSize(1);
    assertThat(preview.getText()).contains("Straße und Hausnummer", "Kontakt", "Bemerkung");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the builder").isEmpty();

    click("publish:submit");
    Browser.awaitOrExplain(browser, By.id("row-" + serviceKey));
    assertThat(browser.findElement(By.id("row-" + serviceKey)).getText())
        .contains("veröffentlicht v1");

    // Retired and offered again: the row is back to its published version.
    browser
        .findElement(By.id("row-" + serviceKey))
        .findElement(By.cssSelector("input[id$=':retire']"))
        .click();
    Browser.awaitText(browser, By.id("row-" + serviceKey), "eingestellt");
    browser
        .findElement(By.id("row-" + serviceKey))
        .findElement(By.cssSelector("input[id$=':reactivate']"))
        .click();
    Browser.awaitText(browser, By.id("row-" + serviceKey), "veröffentlicht v1");
    assertThat(browser.findElement(By.id("row-" + serviceKey)).getText())
        .doesNotContain("eingestellt");

    browser.get(portal + "/municipality.xhtml?m=beispielheim");
    Browser.awaitOrExplain(browser, By.linkText(title + " neu"));
    browser.findElement(By.linkText(title + " neu")).click();
    Browser.awaitOrExplain(browser, By.tagName("h1"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(title + " neu");
    assertThat(browser.getCurrentUrl()).contains("service.xhtml");
  }
}
