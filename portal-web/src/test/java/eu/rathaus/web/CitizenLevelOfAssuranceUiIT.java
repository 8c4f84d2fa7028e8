package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.KeycloakForms;
import eu.rathaus.web.it.Totp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Levels of assurance end to end: the eID asserts {@code substantial} for a password sign-in and
 * {@code high} with the second factor; a page that needs {@code high} sends a citizen below it back
 * through the eID, and explains the level when the eID cannot give it.
 */
class CitizenLevelOfAssuranceUiIT extends BrowserJourney {

  private void signInWithEid(String username) {
    browser.get(portal + "/");
    browser.findElement(By.id("login")).click();
    KeycloakForms.signIn(browser, username, "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
  }

  @Test
  void maxStepsUpWithHisSecondFactorAndReachesThePageThatNeedsHigh() throws Exception {
    signInWithEid("max.mustermann");
    browser.get(portal + "/citizen/profile.xhtml");
    Browser.awaitOrExplain(browser, By.id("profile-loa"));
    assertThat(browser.findElement(By.id("profile-loa")).getText()).isEqualTo("substanziell");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the profile page").isEmpty();

    browser.findElement(By.id("secure-demo-link")).click();
    // The eID still knows Max: it asks only for the second factor.
    KeycloakForms.enterTotp(browser, Totp.DEMO_SECRET);

    Browser.awaitOrExplain(browser, By.id("secure-heading"));
    assertThat(browser.getCurrentUrl()).isEqualTo(portal + "/citizen/secure-demo.xhtml");
    assertThat(browser.findElement(By.id("secure-loa")).getText()).isEqualTo("hoch");
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Max Mustermann");
  }

  @Test
  void erikaWithoutSecondFactorIsToldWhichLevelIsNeeded() {
    signInWithEid("erika.mustermann");
    browser.get(portal + "/citizen/secure-demo.xhtml");

    Browser.awaitOrExplain(browser, By.id("level-needed-heading"));
    assertThat(browser.findElement(By.id("level-needed-heading")).getText())
        .isEqualTo("Höheres Vertrauensniveau nötig");
    assertThat(browser.findElement(By.id("level-needed-text")).getText())
        .contains("„hoch“", "„substanziell“");
    assertThat(browser.findElements(By.id("secure-heading"))).isEmpty();
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core on the level-needed page")
        .isEmpty();
  }

  @Test
  void lucaWithABasicRegistrationSignsInAtLevelLow() {
    signInWithEid("luca.basis");
    browser.get(portal + "/citizen/profile.xhtml");
    Browser.awaitOrExplain(browser, By.id("profile-loa"));
    assertThat(browser.findElement(By.id("profile-loa")).getText()).isEqualTo("niedrig");
  }
}
