package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.KeycloakAdmin;
import eu.rathaus.web.it.KeycloakForms;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A platform admin onboards a third municipality in the portal; its first admin gets the e-mail
 * (read from the real SMTP server of the test stack), sets a password through Keycloak's page and
 * lands in the portal signed in as that municipality's admin; a password link for an account that
 * already has a password keeps Keycloak's own pages and signs nobody in.
 */
class PlatformOnboardingUiIT extends BrowserJourney {

  private static final Pattern LINK =
      Pattern.compile(
          "(http://localhost:\\d+/realms/rathaus/login-actions/action-token\\?[^\\s\"<>]+)");

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id("onboarding:" + id));
    field.clear();
    field.sendKeys(value);
  }

  @Test
  void platformAdminOnboardsAMunicipalityWhoseAdminSetsAPasswordAndSignsIn() throws Exception {
    // A municipality of its own on every run (name, slug, AGS, domain and admin are unique), so the
    // test passes again against a database that already holds an earlier run's municipality.
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = "Seebach " + suffix;
    String slug = "seebach-" + suffix;
    String ags = String.format("09%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    String adminEmail = "hanna.hauptamt@" + slug + ".de";
    browser.get(portal + "/admin/municipalities.xhtml");
    KeycloakForms.signIn(browser, "paula.plattform", "demo");
    Browser.awaitOrExplain(browser, By.id("onboarding:submit"));
    assertThat(browser.findElement(By.id("municipality-table")).getText())
        .contains("Musterstadt", "Beispielheim");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the admin page").isEmpty();

    // Wrong input first: messages at the fields, in German, nothing created.
    fill("name", name);
    fill("ags", "1234");
    new Select(browser.findElement(By.id("onboarding:state"))).selectByVisibleText("Bayern");
    fill("slug", slug);
    fill("emailDomain", slug + ".de");
    fill("adminEmail", adminEmail);
    fill("adminFirstName", "Hanna");
    fill("adminLastName", "Hauptamt");
    browser.findElement(By.id("onboarding:submit")).click();
    Browser.awaitOrExplain(browser, By.id("page-messages"));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Der Gemeindeschlüssel besteht aus genau 8 Ziffern.");
    assertThat(browser.findElement(By.id("municipality-table")).getText()).doesNotContain(name);
    assertThat(Browser.seriousViolations(browser)).as("axe-core with error messages").isEmpty();

    fill("ags", ags);
    browser.findElement(By.id("onboarding:submit")).click();
    Browser.awaitOrExplain(browser, By.id("row-" + slug));
    assertThat(browser.findElement(By.id("row-" + slug)).getText()).contains(name, ags, "Aktiv");
    assertThat(browser.findElement(By.id("page-messages")).getText())
        .contains(name + " ist aufgenommen");
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login"));

    // The first admin's mail, from the real SMTP server, carries Keycloak's action link.
    assertThat(ItMail.messagesTo(adminEmail, 30_000)).isEqualTo(1);
    Matcher link = LINK.matcher(ItMail.newestTextTo(adminEmail).replace("&amp;", "&"));
    assertThat(link.find()).as("action link in the mail").isTrue();
    KeycloakForms.setPasswordFromInvitation(browser, portal, link.group(1), "Seebach-2026!");
    Browser.awaitOrExplain(browser, By.id("welcome-municipality"));
    assertThat(browser.findElement(By.id("welcome-municipality")).getText()).isEqualTo(name);
    assertThat(browser.findElement(By.id("welcome-role")).getText())
        .contains("Verwaltung der Kommune");
  }

  /**
   * The same kind of link for an account that already has a password is no invitation: Keycloak's
   * own pages (proceed first, "account updated" after) and no session, so it stands in for no
   * login.
   */
  @Test
  void aPasswordLinkForAnAccountWithAPasswordSignsNobodyIn() throws Exception {
    String suffix = Long.toString(System.currentTimeMillis(), 36);
    String email = "it-link-" + suffix + "@example.org";
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String id = admin.ensureUser("rathaus", "it-link-" + suffix, email, "Vorher-Passwort-2026!");
    admin.executeActionsEmail(
        "rathaus", id, "rathaus-portal", portal + "/login", List.of("UPDATE_PASSWORD"));
    assertThat(ItMail.messagesTo(email, 30_000)).isEqualTo(1);
    Matcher link = LINK.matcher(ItMail.newestTextTo(email).replace("&amp;", "&"));
    assertThat(link.find()).as("action link in the mail").isTrue();

    browser.get(link.group(1));
    By proceed = By.cssSelector("a[href*='action-token']");
    Browser.awaitOrExplain(browser, proceed);
    assertThat(browser.findElements(By.id("password-new"))).as("asked to proceed first").isEmpty();
    browser.findElement(proceed).click();
    Browser.awaitOrExplain(browser, By.id("password-new"));
    browser.findElement(By.id("password-new")).sendKeys("Nachher-Passwort-2026!");
    browser.findElement(By.id("password-confirm")).sendKeys("Nachher-Passwort-2026!");
    browser
        .findElement(By.cssSelector("#kc-passwd-update-form [type=submit], form [type=submit]"))
        .click();
    Browser.awaitOrExplain(browser, By.cssSelector("a[href^='" + portal + "/login']"));
    assertThat(browser.getCurrentUrl()).as("still on Keycloak's page").doesNotStartWith(portal);

    browser.get(portal + "/login");
    Browser.awaitOrExplain(browser, By.id("username"));
    assertThat(browser.findElements(By.id("signed-in-user")))
        .as("no session from the link")
        .isEmpty();
  }
}
