package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.KeycloakForms;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The first journey through the whole stack as {@code ./rathaus up} runs it (launcher WildFly,
 * Keycloak, PostgreSQL): a citizen opens the start page, signs in through the eID (realm {@code
 * eid}, brokered into realm {@code rathaus}), is greeted by name, and signs out of both the portal
 * and Keycloak; a clerk signs in through the other door, types her e-mail and is sent on to her
 * municipality's staff directory.
 */
class CitizenSignInUiIT extends BrowserJourney {

  private WebDriverWait await() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private void signInOnKeycloak(String username, String password) {
    KeycloakForms.signIn(browser, username, password);
  }

  private static long signInAuditEntries() throws Exception {
    try (Connection c = Jdbc.owner();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select count(*) from audit_entry where action = 'auth.sign-in'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void startPageWorksByKeyboardFromTheSkipLink() {
    browser.get(portal + "/");
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement first = browser.switchTo().activeElement();
    assertThat(first.getText()).isEqualTo("Zum Inhalt springen");
    first.sendKeys(Keys.ENTER);
    assertThat(browser.getCurrentUrl()).endsWith("#main");
    // The search form is reachable and usable by keyboard alone.
    WebElement search = browser.findElement(By.id("q"));
    search.sendKeys("beispiel", Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("result-count"));
    assertThat(browser.findElement(By.id("result-count")).getText())
        .isEqualTo("1 Kommune gefunden.");
    assertThat(browser.findElement(By.id("municipalities")).getText())
        .contains("Beispielheim")
        .doesNotContain("Musterstadt");

    browser.findElement(By.linkText("Barrierefreiheit")).click();
    Browser.awaitOrExplain(browser, By.tagName("h1"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Erklärung zur Barrierefreiheit");
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core on the accessibility statement")
        .isEmpty();
  }

  @Test
  void citizenSignsInIsGreetedByNameAndSignsOut() throws Exception {
    long auditedBefore = signInAuditEntries();
    browser.get(portal + "/");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    assertThat(browser.findElement(By.id("municipalities")).getText())
        .contains("Musterstadt", "Beispielheim");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the start page").isEmpty();

    browser.findElement(By.id("login")).click();
    // "Anmelden" goes straight to the eID: no rathaus login page in between.
    Browser.awaitOrExplain(browser, By.id("username"));
    assertThat(KeycloakForms.onRealm(browser, "eid"))
        .as("eID login page, was " + browser.getCurrentUrl())
        .isTrue();
    signInOnKeycloak("erika.mustermann", "demo");

    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    assertThat(browser.getCurrentUrl()).startsWith(portal);
    assertThat(browser.findElement(By.id("welcome-heading")).getText())
        .isEqualTo("Willkommen, Erika Mustermann");
    assertThat(browser.findElement(By.id("welcome-role")).getText())
        .contains("Bürgerin oder Bürger");
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core on the signed-in start page")
        .isEmpty();
    assertThat(signInAuditEntries())
        .as("sign-in written to the audit log")
        .isEqualTo(auditedBefore + 1);

    browser.findElement(By.id("logout")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
    assertThat(browser.getCurrentUrl()).startsWith(portal);
    assertThat(browser.findElements(By.id("signed-in-user"))).isEmpty();

    // Keycloak's sessions ended too (rathaus and, through the broker, the eID): signing in again
    // asks for credentials.
    browser.findElement(By.id("login")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertThat(KeycloakForms.onRealm(browser, "eid")).isTrue();
  }

  @Test
  void staffMemberSignsInThroughHerMunicipalitysDirectory() {
    browser.get(portal + "/");
    browser.findElement(By.id("login-staff")).click();
    // Identity-first form of realm rathaus: the e-mail domain belongs to organization musterstadt,
    // whose identity provider is the Musterstadt staff directory.
    KeycloakForms.typeIdentity(browser, "mia.sachbearbeiterin@musterstadt.de");
    await().until(d -> KeycloakForms.onRealm(browser, "musterstadt-verzeichnis"));
    signInOnKeycloak("mia.sachbearbeiterin@musterstadt.de", "demo");
    Browser.awaitOrExplain(browser, By.id("welcome-municipality"));
    assertThat(browser.findElement(By.id("welcome-heading")).getText())
        .isEqualTo("Willkommen, Mia Sachbearbeiterin");
    assertThat(browser.findElement(By.id("welcome-role")).getText()).contains("Sachbearbeitung");
    assertThat(browser.findElement(By.id("welcome-municipality")).getText())
        .isEqualTo("Musterstadt");
    browser.findElement(By.id("logout")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
  }

  @Test
  void localStaffOfBeispielheimStillSignInWithPassword() {
    browser.get(portal + "/");
    browser.findElement(By.id("login-staff")).click();
    signInOnKeycloak("ben.sachbearbeiter", "demo");
    Browser.awaitOrExplain(browser, By.id("welcome-municipality"));
    assertThat(browser.findElement(By.id("welcome-municipality")).getText())
        .isEqualTo("Beispielheim");

    // A clerk is no platform admin: the administration answers with the friendly 403 page.
    browser.get(portal + "/admin/municipalities.xhtml");
    Browser.awaitOrExplain(browser, By.tagName("h1"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kein Zugriff");
    assertThat(browser.getPageSource()).doesNotContain("Musterstadt");
  }
}
