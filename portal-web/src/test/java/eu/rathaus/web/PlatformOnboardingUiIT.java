package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.KeycloakForms;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A platform admin onboards a third municipality in the portal; its first admin gets the e-mail
 * (read from the real SMTP server of the test stack), sets a password through Keycloak's page and
 * signs in as that municipality's admin.
 */
class PlatformOnboardingUiIT extends BrowserJourney {

  private static final String ADMIN_EMAIL = "hanna.hauptamt@seebach.de";
  private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/realms/rathaus/login-actions/action-token\\?[^\\s\"<>]+)");


  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id("onboarding:" + id));
    field.clear();
    field.sendKeys(value);
  }

  @Test
  void platformAdminOnboardsAMunicipalityWhoseAdminSetsAPasswordAndSignsIn() throws Exception {
    browser.get(portal + "/admin/municipalities.xhtml");
    KeycloakForms.signIn(browser, "paula.plattform", "demo");
    Browser.awaitOrExplain(browser, By.id("onboarding:submit"));
    assertThat(browser.findElement(By.id("municipality-table")).getText()).contains("Musterstadt", "Beispielheim");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the admin page").isEmpty();

    // Wrong input first: messages at the fields, in German, nothing created.
    fill("name", "Seebach");
    fill("ags", "1234");
    new Select(browser.findElement(By.id("onboarding:state"))).selectByVisibleText("Bayern");
    fill("slug", "seebach");
    fill("emailDomain", "seebach.de");
    fill("adminEmail", ADMIN_EMAIL);
    fill("adminFirstName", "Hanna");
    fill("adminLastName", "Hauptamt");
    browser.findElement(By.id("onboarding:submit")).click();
    Browser.awaitOrExplain(browser, By.id("page-messages"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Der Gemeindeschlüssel besteht aus genau 8 Ziffern.");
    assertThat(browser.findElement(By.id("municipality-table")).getText()).doesNotContain("Seebach");
    assertThat(Browser.seriousViolations(browser)).as("axe-core with error messages").isEmpty();

    fill("ags", "09188005");
    browser.findElement(By.id("onboarding:submit")).click();
    Browser.awaitOrExplain(browser, By.id("row-seebach"));
    assertThat(browser.findElement(By.id("row-seebach")).getText()).contains("Seebach", "09188005", "Aktiv");
    assertThat(browser.findElement(By.id("page-messages")).getText()).contains("Seebach ist aufgenommen");
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login"));

    // The first admin's mail, from the real SMTP server, carries Keycloak's action link.
    assertThat(ItMail.messagesTo(ADMIN_EMAIL, 30_000)).isEqualTo(1);
    Matcher link = LINK.matcher(ItMail.newestTextTo(ADMIN_EMAIL).replace("&amp;", "&"));
    assertThat(link.find()).as("action link in the mail").isTrue();
    KeycloakForms.setPasswordFromInvitation(browser, portal, link.group(1), "Seebach-2026!");
    Browser.awaitOrExplain(browser, By.id("welcome-municipality"));
    assertThat(browser.findElement(By.id("welcome-municipality")).getText()).isEqualTo("Seebach");
    assertThat(browser.findElement(By.id("welcome-role")).getText()).contains("Verwaltung der Kommune");
  }
}
