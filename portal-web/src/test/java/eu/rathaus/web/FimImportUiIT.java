package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.FimSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 14's FIM journey: Musterstadt's admin uploads a FIM Stammdatenschema (XDatenfelder 3.0) on
 * the services page — first a file with a DOCTYPE and a file that is no schema, both refused with a
 * German reason and nothing stored —, the draft opens in the builder with the FIM ids and the list
 * of what the form does not represent, she publishes it, and Erika files an application with it.
 * axe-core on the services page (with the refusal), the builder and the citizen form.
 */
class FimImportUiIT extends BrowserJourney {

  private Path file(String name, String content) throws Exception {
    Path dir = Files.createTempDirectory("fim-ui");
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private void upload(Path file) {
    browser.findElement(By.id("fim:file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("fim:submit")).click();
  }

  @Test
  void adminImportsAFimSchemaPublishesItAndErikaFilesIt() throws Exception {
    String schemaId = "S991" + (System.currentTimeMillis() % 100_000_000L);
    String serviceKey = "fim." + schemaId;

    signInAsMoritz();
    browser.findElement(By.id("nav-services")).click();
    Browser.awaitOrExplain(browser, By.id("fim:submit"));

    // A DOCTYPE (the classic XXE) is refused unread, with the reason in German.
    upload(
        file(
            "xxe.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&e;</x>"));
    Browser.awaitOrExplain(browser, By.id("fim-problems"));
    assertThat(text("fim-problems")).contains("nicht importiert", "DOCTYPE");
    accessible("services page with a refused FIM file");
    // A JSON file is no FIM schema.
    upload(file("form.json", "{\"steps\":[]}"));
    Browser.awaitText(browser, By.id("fim-problems"), "kein gültiges XML");
    assertThat(browser.findElements(By.id("row-" + serviceKey))).isEmpty();

    upload(file(schemaId + ".xml", FimSchemas.sondernutzung(schemaId)));
    Browser.awaitOrExplain(browser, By.id("builder-heading"));
    assertThat(text("builder-heading")).contains("Sondernutzung " + schemaId);
    assertThat(text("page-messages")).contains("als Entwurf importiert");
    // Steps from the top-level groups, each field with its FIM id; what is not represented listed.
    assertThat(text("step-antragstellendePerson")).contains("G99100010", "F99100101", "F99100102");
    assertThat(text("step-artDerNutzung")).contains("G99100020", "F99100201", "F99100202");
    assertThat(text("fim-notes"))
        .contains("F99100203", "versteckte Feld", "SN-1", "G99100011", "optional");
    accessible("builder after a FIM import");

    browser.findElement(By.id("publish:submit")).click();
    Browser.awaitOrExplain(browser, By.id("row-" + serviceKey));
    assertThat(text("row-" + serviceKey)).contains("veröffentlicht v1", "FIM");

    // Erika applies in a browser of her own.
    browser.quit();
    browser = Browser.start();
    signInAsErika();
    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=" + serviceKey);
    Browser.awaitOrExplain(browser, By.id("a-familienname"));
    assertThat(browser.getPageSource()).contains("Wie im Ausweis.");
    accessible("citizen form of the imported schema");
    type("a-familienname", "Mustermann");
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-nutzungsart-c_02"));
    browser.findElement(By.id("a-nutzungsart-c_02")).click();
    browser.findElement(By.id("a-wirdDerGehwegGesperrt-false")).click();
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("review:submit"));
    assertThat(browser.getPageSource()).contains("Mustermann", "Container");
    browser.findElement(By.id("review:submit")).click();
    Browser.awaitOrExplain(browser, By.id("submitted-reference"));
    assertThat(text("submitted-reference")).startsWith("MUS-");
  }
}
