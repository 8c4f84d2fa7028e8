package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.ItStack;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The first journey through the whole stack as {@code ./rathaus up} runs it (launcher WildFly,
 * Keycloak, PostgreSQL): a citizen opens the start page, signs in on Keycloak's real login form, is
 * greeted by name, and signs out of both the portal and Keycloak.
 */
class CitizenSignInUiIT {

  private static ChromeDriver browser;
  private static String portal;

  @BeforeAll
  static void startStackAndBrowser() throws Exception {
    ItStack.portal();
    portal = ItStack.config().portalBaseUrl();
    browser = Browser.start();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private WebDriverWait await() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private void signInOnKeycloak(String username, String password) {
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(username);
    if (browser.findElements(By.id("password")).stream().noneMatch(WebElement::isDisplayed)) {
      // Organizations make the login identity-first: user name first, then the password page.
      browser.findElement(By.id("kc-login")).click();
      await().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    }
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("kc-login")).click();
  }

  @Test
  void citizenSignsInIsGreetedByNameAndSignsOut() {
    browser.get(portal + "/");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    assertThat(browser.findElement(By.id("municipalities")).getText()).contains("Musterstadt", "Beispielheim");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the start page").isEmpty();

    browser.findElement(By.id("login")).click();
    signInOnKeycloak("erika.mustermann", "demo");

    await().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    assertThat(browser.getCurrentUrl()).startsWith(portal);
    assertThat(browser.findElement(By.id("welcome-heading")).getText()).isEqualTo("Willkommen, Erika Mustermann");
    assertThat(browser.findElement(By.id("welcome-role")).getText()).contains("Bürgerin oder Bürger");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the signed-in start page").isEmpty();

    browser.findElement(By.id("logout")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
    assertThat(browser.getCurrentUrl()).startsWith(portal);
    assertThat(browser.findElements(By.id("signed-in-user"))).isEmpty();

    // Keycloak's session ended too: signing in again asks for credentials.
    browser.findElement(By.id("login")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
  }

  @Test
  void staffMemberSeesRoleAndMunicipality() {
    browser.manage().deleteAllCookies();
    browser.get(portal + "/login");
    signInOnKeycloak("mia.sachbearbeiterin", "demo");
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("welcome-municipality")));
    assertThat(browser.findElement(By.id("welcome-role")).getText()).contains("Sachbearbeitung");
    assertThat(browser.findElement(By.id("welcome-municipality")).getText()).isEqualTo("Musterstadt");
    browser.findElement(By.id("logout")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
  }
}
