package eu.rathaus.web.it;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser steps other journeys build on: Erika signs in through the eID and submits the shortest
 * path through a published Meldebescheinigung (delivery to the mailbox, so no address step).
 */
public final class ItApplications {

  private ItApplications() {}

  /**
   * Ben, Beispielheim's clerk, gets the 404 page for the case's address and no hit in his inbox.
   */
  public static void assertBeispielheimCannotSee(
      ChromeDriver browser, String portal, String caseUrl, String reference) {
    signInAsBen(browser, portal);
    browser.get(caseUrl);
    Browser.awaitOrExplain(browser, By.tagName("h1"));
    if (!"Seite nicht gefunden".equals(browser.findElement(By.tagName("h1")).getText())) {
      throw new AssertionError("Beispielheim's clerk was shown " + caseUrl);
    }
    browser.get(portal + "/office/inbox.xhtml?q=" + reference);
    Browser.awaitOrExplain(browser, By.id("inbox-heading"));
    if (!browser.findElements(By.id("case-" + reference)).isEmpty()) {
      throw new AssertionError("Beispielheim's inbox lists " + reference);
    }
  }

  public static void signInAsErika(ChromeDriver browser, String portal) {
    browser.get(portal + "/");
    browser.findElement(By.id("login")).click();
    KeycloakForms.signIn(browser, "erika.mustermann", "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
  }

  /**
   * Staff of Musterstadt sign in through the identity-first form and their municipality's
   * directory.
   */
  public static void signInAsMia(ChromeDriver browser, String portal) {
    browser.get(portal + "/");
    browser.findElement(By.id("login-staff")).click();
    KeycloakForms.typeIdentity(browser, "mia.sachbearbeiterin@musterstadt.de");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> KeycloakForms.onRealm(browser, "musterstadt-verzeichnis"));
    KeycloakForms.signIn(browser, "mia.sachbearbeiterin@musterstadt.de", "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
  }

  /** Beispielheim's clerk signs in with a password at the portal's own realm. */
  public static void signInAsBen(ChromeDriver browser, String portal) {
    browser.get(portal + "/");
    browser.findElement(By.id("login-staff")).click();
    KeycloakForms.signIn(browser, "ben.sachbearbeiter", "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
  }

  /**
   * From the confirmation page (its "pay" link), pays online on the payment sandbox with the
   * success card and waits on the outcome page until the portal has the payment as PAID.
   */
  public static void payOnlineOnTheSandbox(ChromeDriver browser) throws InterruptedException {
    browser.findElement(By.id("pay-link")).click();
    Browser.awaitOrExplain(browser, By.id("online:start"));
    browser.findElement(By.id("online:start")).click();
    Browser.awaitOrExplain(browser, By.id("pay"));
    browser.findElement(By.id("pay")).click();
    Browser.awaitOrExplain(browser, By.id("return-heading"));
    for (int i = 0;
        i < 40
            && !"PAID"
                .equals(browser.findElement(By.id("return-outcome")).getAttribute("data-outcome"));
        i++) {
      Thread.sleep(500);
      browser.findElement(By.id("return-refresh")).click();
      Browser.awaitOrExplain(browser, By.id("return-heading"));
    }
  }

  public static void signOut(ChromeDriver browser) {
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login"));
  }

  /**
   * The signed-in citizen submits service {@code serviceKey} of Musterstadt; returns the reference
   * number.
   */
  public static String submitMeldebescheinigung(
      ChromeDriver browser, String portal, String serviceKey) {
    return submitMeldebescheinigung(browser, portal, "musterstadt", serviceKey);
  }

  /** The same for the Meldebescheinigung of {@code municipality}. */
  public static String submitMeldebescheinigung(
      ChromeDriver browser, String portal, String municipality, String serviceKey) {
    browser.get(portal + "/citizen/apply.xhtml?m=" + municipality + "&s=" + serviceKey);
    Browser.awaitOrExplain(browser, By.id("apply-heading"));
    type(browser, "a-firstNames", "Erika");
    type(browser, "a-lastName", "Mustermann");
    type(browser, "a-birthDate", "12.08.1964");
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-certificateType-simple"));
    browser.findElement(By.id("a-certificateType-simple")).click();
    browser.findElement(By.id("a-delivery-mailbox")).click();
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("a-email"));
    type(browser, "a-email", "erika.mustermann@example.org");
    browser.findElement(By.id("step:next")).click();
    Browser.awaitOrExplain(browser, By.id("review:submit"));
    browser.findElement(By.id("review:submit")).click();
    Browser.awaitOrExplain(browser, By.id("submitted-reference"));
    return browser.findElement(By.id("submitted-reference")).getText();
  }

  private static void type(ChromeDriver browser, String id, String text) {
    browser.findElement(By.id(id)).clear();
    browser.findElement(By.id(id)).sendKeys(text);
  }
}
