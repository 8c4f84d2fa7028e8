package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.KeycloakForms;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 18, the whole first hour of a municipality as one journey: the platform admin onboards it;
 * the invited admin gets the portal's own mail (real SMTP), sets a password and lands in the portal
 * signed in (no page to proceed, no second login form), sees what is missing, is refused publishing
 * a fee-bearing service without a payee account, completes the settings and the legal remedy,
 * publishes; a citizen applies and gets a reference with the new municipality's code; the new admin
 * finds the case in the Posteingang, Musterstadt's clerk does not. Names carry a per-run suffix
 * (the test database survives between runs).
 */
class MunicipalityJourneyUiIT extends BrowserJourney {

  private static final Pattern LINK =
      Pattern.compile(
          "(http://localhost:\\d+/realms/rathaus/login-actions/action-token\\?[^\\s\"<>]+)");
  private static final String PASSWORD = "Wiesental-2026!";

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private void click(String id) {
    browser.findElement(By.id(id)).click();
  }

  /** The case link of {@code reference} in the Posteingang's table. */
  private static By caseLink(String reference) {
    return By.xpath("//table//a[@class='case-link' and normalize-space()='" + reference + "']");
  }

  private String messages() {
    return browser.findElement(By.id("page-messages")).getText();
  }

  @Test
  void anOnboardedMunicipalityTakesItsFirstApplication() throws Exception {
    String suffix = Long.toString(System.currentTimeMillis(), 36);
    String name = "Wiesental " + suffix;
    String slug = "wiesental-" + suffix;
    String adminEmail = "wanda.admin@" + slug + ".de";
    String ags = "09" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));

    // 1. The platform admin onboards the municipality; the list says it is not set up yet.
    browser.get(portal + "/admin/municipalities.xhtml");
    KeycloakForms.signIn(browser, "paula.plattform", "demo");
    Browser.awaitOrExplain(browser, By.id("onboarding:submit"));
    fill("onboarding:name", name);
    new Select(browser.findElement(By.id("onboarding:state"))).selectByVisibleText("Bayern");
    fill("onboarding:ags", ags);
    fill("onboarding:slug", slug);
    fill("onboarding:emailDomain", slug + ".de");
    fill("onboarding:adminEmail", adminEmail);
    fill("onboarding:adminFirstName", "Wanda");
    fill("onboarding:adminLastName", "Wiese");
    click("onboarding:submit");
    Browser.awaitOrExplain(browser, By.id("row-" + slug));
    String row = browser.findElement(By.id("row-" + slug)).getText();
    assertThat(row).contains(name, "Aktiv", "unvollständig", "Empfängerkonto");
    Matcher codeInRow = Pattern.compile("\\b(W[A-Z]{2})\\b").matcher(row);
    assertThat(codeInRow.find()).as("reference code proposed from the name: " + row).isTrue();
    String code = codeInRow.group(1);
    assertThat(browser.findElement(By.id("row-musterstadt")).getText())
        .contains("MUS", "eingerichtet");
    accessible("the platform admin's list");
    click("logout");
    Browser.awaitOrExplain(browser, By.id("login"));

    // 2. The invitation is the portal's own mail, naming the municipality and how to sign in.
    String mail = ItMail.awaitTextTo(adminEmail, "Wiesental", 30_000);
    assertThat(mail)
        .as("invitation mail")
        .isNotNull()
        .contains(
            name, "Anmelden für Mitarbeitende", adminEmail, "Legen Sie jetzt Ihr Passwort fest")
        .doesNotContain("Ihr Administrator hat Sie aufgefordert");
    Matcher link = LINK.matcher(mail.replace("&amp;", "&"));
    assertThat(link.find()).as("action link in the mail").isTrue();

    // 3. Password from the link: straight to the form, then in the portal signed in as the new
    // admin.
    KeycloakForms.setPasswordFromInvitation(browser, portal, link.group(1), PASSWORD);
    assertThat(browser.findElement(By.id("signed-in-user")).getText())
        .as("signed in without a login form")
        .contains("Wanda");

    // 4. The start page lists what is missing.
    browser.get(portal + "/");
    Browser.awaitOrExplain(browser, By.id("readiness-missing"));
    assertThat(browser.findElement(By.id("welcome-municipality")).getText()).isEqualTo(name);
    assertThat(browser.findElements(By.id("missing-PAYEE_ACCOUNT"))).hasSize(1);
    accessible("the admin's start page with the readiness list");

    // 5. A fee-bearing service cannot be published yet, and the page says why.
    click("nav-services");
    Browser.awaitOrExplain(browser, By.id("adopt:submit"));
    new Select(browser.findElement(By.id("adopt:template")))
        .selectByValue("demo.meldebescheinigung");
    fill("adopt:fee", "8,00");
    click("adopt:submit");
    Browser.awaitOrExplain(browser, By.id("builder-heading"));
    assertThat(messages()).contains("Entwurf", "sehen davon noch nichts");
    click("nav-services");
    By publish = By.cssSelector("#row-demo\\.meldebescheinigung input[id$='publish']");
    Browser.awaitOrExplain(browser, publish);
    browser.findElement(publish).click();
    Browser.awaitText(browser, By.id("page-messages"), "kein Empfängerkonto");
    assertThat(browser.findElement(By.id("row-demo.meldebescheinigung")).getText())
        .doesNotContain("veröffentlicht v1");

    // 6. Settings: a wrong IBAN first, then everything; then the legal remedy text.
    click("nav-settings");
    Browser.awaitOrExplain(browser, By.id("settings:save"));
    assertThat(browser.findElement(By.id("settings:referenceCode")).getAttribute("value"))
        .isEqualTo(code);
    accessible("the settings page");
    fill("settings:payeeName", "Gemeindekasse " + name);
    fill("settings:payeeIban", "DE89 3704 0044 0532 0130 01");
    fill("settings:payeeBic", "COBADEFFXXX");
    click("settings:save");
    Browser.awaitText(browser, By.id("settings:payeeIban-error"), "Prüfziffern");
    accessible("the settings page with an error");
    fill("settings:payeeIban", "DE89 3704 0044 0532 0130 00");
    fill("settings:authorityName", "Gemeinde " + name + " – Bürgerbüro");
    fill("settings:addressLine1", "Wiesenweg 1");
    fill("settings:addressLine2", "91999 Wiesental");
    fill("settings:phone", "09999 123-0");
    fill("settings:dpoName", "Dora Datenschutz");
    fill("settings:dpoContact", "datenschutz@" + slug + ".de");
    fill("settings:openingHours", "Mo–Fr 8–12 Uhr");
    click("settings:save");
    Browser.awaitText(browser, By.id("page-messages"), "gespeichert");
    assertThat(browser.findElements(By.id("missing-LEGAL_REMEDY"))).hasSize(1);
    assertThat(browser.findElements(By.id("missing-PAYEE_ACCOUNT"))).isEmpty();

    click("nav-text-blocks");
    Browser.awaitOrExplain(browser, By.id("block:save"));
    new Select(browser.findElement(By.id("block:kind"))).selectByValue("LEGAL_REMEDY");
    fill("block:title", "Rechtsbehelfsbelehrung");
    fill(
        "block:body",
        "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Verwaltungsgericht erhoben werden.");
    fill("block:order", "10");
    click("block:save");
    Browser.awaitText(browser, By.id("page-messages"), "Rechtsbehelfsbelehrung");
    browser.get(portal + "/");
    Browser.awaitOrExplain(browser, By.id("readiness-complete"));

    // 7. Publishing works now, and the confirmation says what citizens see.
    click("nav-services");
    Browser.awaitOrExplain(browser, publish);
    browser.findElement(publish).click();
    Browser.awaitText(browser, By.id("row-demo.meldebescheinigung"), "veröffentlicht v1");
    assertThat(messages()).contains("finden den Dienst jetzt");
    click("logout");
    Browser.awaitOrExplain(browser, By.id("login"));

    // 8. A citizen applies and gets a reference with the new municipality's code.
    ItApplications.signInAsErika(browser, portal);
    String reference =
        ItApplications.submitMeldebescheinigung(browser, portal, slug, "demo.meldebescheinigung");
    assertThat(reference).matches(code + "-[0-9]{4}-[0-9]{6}");
    ItApplications.signOut(browser);

    // 9. The new admin sees the case in the Posteingang; Musterstadt's clerk does not.
    browser.findElement(By.id("login-staff")).click();
    KeycloakForms.signIn(browser, adminEmail, PASSWORD);
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    browser.get(portal + "/office/inbox.xhtml?q=" + reference);
    Browser.awaitOrExplain(browser, By.id("inbox-heading"));
    Browser.awaitOrExplain(browser, caseLink(reference));
    ItApplications.signOut(browser);

    ItApplications.signInAsMia(browser, portal);
    browser.get(portal + "/office/inbox.xhtml?q=" + reference);
    Browser.awaitOrExplain(browser, By.id("inbox-heading"));
    Browser.awaitOrExplain(browser, By.id("inbox-empty"));
    assertThat(browser.findElements(caseLink(reference)))
        .as("not in Musterstadt's inbox")
        .isEmpty();
  }
}
