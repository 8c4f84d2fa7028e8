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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The lost-property office in the browser: Mia (Musterstadt's clerk) records a found wallet (an
 * empty form is refused field by field first); a visitor finds it through the municipality page's
 * link in the public search and sees no finder data; Erika reports the loss through the "Fundsache
 * / Verlust melden" service; Mia sees the wallet suggested for Erika's report and confirms it;
 * Erika gives her proof with a receipt as a PDF (a text file is refused first), by keyboard, and
 * Mia sees and opens the file on the claim. axe-core is clean on every page. The wallet carries a
 * word of its own.
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
    // A photo of the wallet, shown publicly, with its description for screen readers.
    browser.findElement(By.id("record:photo")).sendKeys(walletPhoto().toString());
    type("record:photoAlt", "Braune Geldbörse " + word + ", aufgeklappt");
    browser.findElement(By.id("record:photoPublic")).click();
    browser.findElement(By.id("record:save")).click();
    Browser.awaitText(browser, By.id("office-notice"), "erfasst");
    WebElement row =
        browser.findElement(
            By.xpath("//table[@id='found-items']//tr[contains(., '" + word + "')]"));
    assertThat(row.getText()).contains("Im Fundbüro", "Öffentlich").doesNotContain(finder);
    assertThat(row.findElement(By.cssSelector("figure.rh-photo img")).getAttribute("alt"))
        .contains(word);
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
    WebElement photo = browser.findElement(By.cssSelector("#found-items img.rh-found-photo"));
    assertThat(photo.getAttribute("alt")).isEqualTo("Braune Geldbörse " + word + ", aufgeklappt");
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(
            d ->
                Boolean.TRUE.equals(
                    browser.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", photo)));
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
    By report = By.xpath("//form[@id='reports']//section[h3[contains(., '" + reference + "')]]");
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

    // The confirmed claim waits for the owner's proof in the office's list.
    assertThat(text("claims")).contains(word, "Noch kein Nachweis");

    // Erika opens her claim from the mailbox message's link and gives her proof.
    freshBrowser();
    ItApplications.signInAsErika(browser, portal);
    browser.get(portal + "/citizen/mailbox.xhtml");
    By thread = By.xpath("//a[contains(@href, 'thread.xhtml')][contains(., '" + reference + "')]");
    Browser.awaitOrExplain(browser, thread);
    browser.findElement(thread).click();
    Browser.awaitOrExplain(
        browser, By.xpath("//*[contains(., 'lost-property-claim.xhtml?case=')]"));
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("/citizen/lost-property-claim\\.xhtml\\?case=[0-9a-f-]{36}")
            .matcher(browser.getPageSource());
    assertThat(link.find()).isTrue();
    browser.get(portal + link.group());
    Browser.awaitOrExplain(browser, By.id("claim-heading"));
    assertThat(text("claim-item")).contains(word, "Fundbüro, Zimmer 12");
    assertThat(text("fee-open")).contains("10");
    accessible("the owner's claim");
    type("proof:text", "Im Fach steckt ein Foto meiner Katze, Aufkleber " + word);
    // A file of a type that is not allowed is refused with a message at the field.
    browser
        .findElement(By.id("proof:file"))
        .sendKeys(file("beleg", ".txt", "nur Text".getBytes()).toString());
    browser.findElement(By.id("proof:send")).click();
    Browser.awaitText(browser, By.id("file-error"), "Dieser Dateityp ist hier nicht erlaubt");
    assertThat(browser.findElement(By.id("proof:file")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElements(By.id("proof-text"))).isEmpty();
    accessible("the claim with a refused file");
    // By keyboard: from the text to the file field to the button; the receipt goes with it.
    String receipt = "kaufbeleg-" + word;
    browser.findElement(By.id("proof:text")).click();
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("proof:file");
    browser
        .switchTo()
        .activeElement()
        .sendKeys(
            file(receipt, ".pdf", eu.rathaus.web.it.SmallPdf.saying("Beleg " + word)).toString());
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("proof:send");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    Browser.awaitText(browser, By.id("claim-notice"), "Ihr Nachweis ist eingegangen");
    assertThat(text("proof-text")).contains("Foto meiner Katze");
    assertThat(text("proof-file")).contains(receipt + ".pdf");
    accessible("the claim with its proof");

    // Mia sees the proof with its file on the claim and opens it; a visitor gets nothing.
    freshBrowser();
    ItApplications.signInAsMia(browser, portal);
    browser.get(portal + "/office/lost-property.xhtml");
    Browser.awaitOrExplain(browser, By.id("claims"));
    WebElement claim =
        browser.findElement(
            By.xpath("//form[@id='claims']//section[h3[contains(., '" + word + "')]]"));
    assertThat(claim.getText()).contains("Foto meiner Katze", receipt + ".pdf");
    String href = claim.findElement(By.cssSelector("dd.rh-claim-file a")).getAttribute("href");
    Object fetched =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()"
                + ".then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '"
                + " + new TextDecoder().decode(b).slice(0, 5))))"
                + ".catch(e => done('error ' + e));",
            href);
    assertThat(String.valueOf(fetched)).isEqualTo("200 application/pdf %PDF-");
    accessible("the office with a claim's proof file");
    freshBrowser();
    browser.get(href);
    assertThat(browser.getPageSource()).doesNotContain("%PDF-", "Beleg " + word);
  }

  /** A file of the given bytes for an upload field. */
  private static java.nio.file.Path file(String name, String suffix, byte[] content)
      throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("beleg");
    java.nio.file.Path file = dir.resolve(name + suffix);
    java.nio.file.Files.write(file, content);
    file.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    return file;
  }

  /** A JPEG of a brown wallet, written for this test. */
  private static java.nio.file.Path walletPhoto() throws java.io.IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(200, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(new java.awt.Color(110, 70, 40));
    g.fillRect(0, 0, 200, 120);
    g.dispose();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("geldboerse", ".jpg");
    javax.imageio.ImageIO.write(image, "jpeg", file.toFile());
    file.toFile().deleteOnExit();
    return file;
  }
}
