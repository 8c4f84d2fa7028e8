package eu.rathaus.web.it;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Fills Keycloak's real login pages (rathaus identity-first form, eID, staff directory). */
public final class KeycloakForms {

  private KeycloakForms() {}

  private static WebDriverWait await(ChromeDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /**
   * Signs in on a Keycloak login page, identity-first or not: types the user name unless it is
   * prefilled (login_hint from the previous realm), then the password.
   */
  public static void signIn(ChromeDriver browser, String username, String password) {
    Browser.awaitOrExplain(browser, By.id("username"));
    WebElement user = browser.findElement(By.id("username"));
    if (user.isDisplayed() && user.isEnabled() && user.getAttribute("readonly") == null) {
      user.clear();
      user.sendKeys(username);
    }
    if (browser.findElements(By.id("password")).stream().noneMatch(WebElement::isDisplayed)) {
      // Organizations make the rathaus login identity-first: user name first, then the password
      // page.
      browser.findElement(By.id("kc-login")).click();
      await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    }
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("kc-login")).click();
  }

  /**
   * Follows an invitation's action link in a fresh browser and sets the password. The link leads
   * straight to the password form (no page asking to proceed) and from there into the portal,
   * signed in (no "account updated" page, no second login form): Rathaus's own handler of the link
   * in module keycloak-extensions. Fails if any of these pages gets in the way.
   */
  public static void setPasswordFromInvitation(
      ChromeDriver browser, String portal, String link, String password) {
    browser.get(link);
    Browser.awaitOrExplain(browser, By.id("password-new"));
    browser.findElement(By.id("password-new")).sendKeys(password);
    browser.findElement(By.id("password-confirm")).sendKeys(password);
    browser
        .findElement(By.cssSelector("#kc-passwd-update-form [type=submit], form [type=submit]"))
        .click();
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    if (!browser.getCurrentUrl().startsWith(portal)) {
      throw new AssertionError(
          "Not back in the portal after the password: " + browser.getCurrentUrl());
    }
  }

  /** The identity-first page of realm rathaus: only the user name / e-mail, then "Weiter". */
  public static void typeIdentity(ChromeDriver browser, String emailOrUsername) {
    Browser.awaitOrExplain(browser, By.id("username"));
    browser.findElement(By.id("username")).sendKeys(emailOrUsername);
    browser.findElement(By.id("kc-login")).click();
  }

  /** Keycloak's OTP page ({@code login-otp.ftl}): the code of the current 30-second step. */
  public static void enterTotp(ChromeDriver browser, String secret) throws InterruptedException {
    Browser.awaitOrExplain(browser, By.id("otp"));
    if (Totp.secondsLeftInStep() < 3) {
      Thread.sleep(
          Totp.secondsLeftInStep() * 1000 + 500); // do not send a code that expires in flight
    }
    browser.findElement(By.id("otp")).sendKeys(Totp.now(secret));
    browser.findElement(By.id("kc-login")).click();
  }

  /**
   * Keycloak's OTP set-up page (required action CONFIGURE_TOTP, which realm rathaus demands of
   * platform admins): reads the generated secret from the form, answers with its current code and
   * returns the secret, so the test can sign in with it later.
   */
  public static String enrollTotp(ChromeDriver browser) throws InterruptedException {
    Browser.awaitOrExplain(browser, By.id("totp"));
    String secret = browser.findElement(By.name("totpSecret")).getAttribute("value");
    if (Totp.secondsLeftInStep() < 3) {
      Thread.sleep(
          Totp.secondsLeftInStep() * 1000 + 500); // do not send a code that expires in flight
    }
    WebElement code = browser.findElement(By.id("totp"));
    code.sendKeys(Totp.now(secret));
    code.submit();
    return secret;
  }

  /** True when a page of the given Keycloak realm is shown. */
  public static boolean onRealm(ChromeDriver browser, String realm) {
    return browser.getCurrentUrl().contains("/realms/" + realm + "/");
  }

  public static List<String> realmPath(String realm) {
    return List.of("/realms/" + realm + "/");
  }
}
