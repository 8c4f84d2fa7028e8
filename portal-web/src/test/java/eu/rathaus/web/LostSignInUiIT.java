package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.KeycloakForms;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person whose sign-in is gone (the portal's session timed out or was lost, and possibly
 * Keycloak's too) and who then posts a form or opens a protected page is led to the sign-in again
 * and back to the page — never left on the bare "Kein Zugriff" (403) or "Seite abgelaufen" page.
 * The loss is made real by deleting the browser's cookies: the portal then sees a request without a
 * session, exactly as after the session's timeout.
 */
class LostSignInUiIT extends BrowserJourney {

  /** Everything a browser keeps of a sign-in: the portal's session and Keycloak's SSO cookies. */
  private void loseEverySignIn() {
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /** Only the portal's session is gone; Keycloak still knows the person. */
  private void losePortalSession() {
    browser.manage().deleteCookieNamed("JSESSIONID");
  }

  private void assertNotRefused() {
    assertThat(browser.findElements(By.tagName("h1")))
        .noneSatisfy(h -> assertThat(h.getText()).isIn("Kein Zugriff", "Seite abgelaufen"));
  }

  private void signInAsStaffDoor(String username) {
    browser.get(portal + "/");
    browser.findElement(By.id("login-staff")).click();
    KeycloakForms.signIn(browser, username, "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
  }

  private void openFirstStep() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    signInAsErika();
    fillFirstStepOfMeldebescheinigungAsErika(service);
  }

  @Test
  void aCitizenWhoseSignInIsGoneIsAskedToSignInAgainAndComesBackToTheForm() throws Exception {
    openFirstStep();
    loseEverySignIn();
    browser.findElement(By.id("step:next")).click();

    // Keycloak's sign-in page, not an error page of the portal.
    KeycloakForms.signIn(browser, "erika.mustermann", "demo");
    Browser.awaitOrExplain(browser, By.id("apply-heading"));
    assertThat(browser.getCurrentUrl()).startsWith(portal + "/citizen/apply.xhtml");
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).contains("Erika");
    assertNotRefused();
    accessible("the form after signing in again");
  }

  @Test
  void aCitizenWhosePortalSessionIsGoneComesBackToTheFormThroughKeycloaksSignIn() throws Exception {
    openFirstStep();
    losePortalSession();
    browser.findElement(By.id("step:next")).click();

    // Keycloak still knows her: no password, straight back to the form.
    Browser.awaitOrExplain(browser, By.id("apply-heading"));
    assertThat(browser.getCurrentUrl()).startsWith(portal + "/citizen/apply.xhtml");
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).contains("Erika");
    assertNotRefused();
  }

  @Test
  void aClerkWhoseSignInIsGoneIsAskedToSignInAgainWhenPostingAndComesBackToThePage() {
    signInAsStaffDoor("ben.sachbearbeiter");
    browser.get(portal + "/office/lost-property.xhtml");
    Browser.awaitOrExplain(browser, By.id("record:save"));
    loseEverySignIn();
    browser.findElement(By.id("record:save")).click();

    KeycloakForms.signIn(browser, "ben.sachbearbeiter", "demo");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.getCurrentUrl().startsWith(portal + "/office/lost-property.xhtml"));
    Browser.awaitOrExplain(browser, By.id("record:save"));
    assertNotRefused();
    assertThat(browser.findElements(By.id("signed-in-user"))).isNotEmpty();
  }

  @Test
  void aClerkWhoseSignInIsGoneIsAskedToSignInAgainForAProtectedPage() {
    signInAsStaffDoor("ben.sachbearbeiter");
    loseEverySignIn();
    browser.get(portal + "/office/inbox.xhtml");

    KeycloakForms.signIn(browser, "ben.sachbearbeiter", "demo");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.getCurrentUrl().startsWith(portal + "/office/inbox.xhtml"));
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    assertNotRefused();
  }
}
