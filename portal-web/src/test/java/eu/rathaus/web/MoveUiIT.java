package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.KeycloakForms;
import eu.rathaus.web.it.Totp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The change of address in the browser: Max (demo eID, level high with his second factor) moves
 * within Musterstadt with his whole household — the form offers his household from the register —
 * Mia, register clerk, sees what the register will become and approves; Max finds the confirmation
 * in his mailbox, and his next form shows the new address prefilled from the register. Each run
 * moves him to a new address (street number from the run, moving date after his current one).
 * axe-core on every page; the form is filled with the keyboard.
 */
class MoveUiIT extends BrowserJourney {

  private static final UUID MAX = UUID.fromString("5e5d0000-0000-4000-8000-000000000002");
  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** Max's current moving-in date (the demo register; earlier runs moved him). */
  private static LocalDate currentMovedIn() throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select moved_in from resident_address where resident_id = ? and moved_out is null"
                    + " and residence = 'MAIN'")) {
      s.setObject(1, MAX);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as("Max has a main residence in the demo register").isTrue();
        return r.getObject(1, LocalDate.class);
      }
    }
  }

  private static UUID caseOf(String reference) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select c.id from case_record c join case_application a on a.id = c.application_id"
                    + " where a.reference_number = ?")) {
      s.setString(1, reference);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).isTrue();
        return r.getObject(1, UUID.class);
      }
    }
  }

  /**
   * Max signs in with his eID (password: level substantial) and opens the change of address; the
   * service needs level high, so the eID asks for his second factor first.
   */
  private void openTheFormAsMax() throws InterruptedException {
    browser.get(portal + "/");
    browser.findElement(By.id("login")).click();
    KeycloakForms.signIn(browser, "max.mustermann", "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=demo.wohnsitz-ummelden");
    KeycloakForms.enterTotp(browser, Totp.DEMO_SECRET);
    Browser.awaitOrExplain(browser, By.id("a-currentAddress-street"));
  }

  private void next() {
    browser.findElement(By.id("step:next")).sendKeys(Keys.ENTER);
  }

  @Test
  void maxMovesWithinMusterstadtWithHisHouseholdAndHisNextFormKnowsTheNewAddress()
      throws Exception {
    LocalDate movingDate = currentMovedIn().plusDays(1);
    String houseNumber = Long.toString(System.currentTimeMillis() % 100_000);

    openTheFormAsMax();
    assertThat(browser.findElement(By.id("a-firstNames")).getAttribute("value")).isEqualTo("Max");
    assertThat(text("a-currentAddress-source")).isEqualTo("aus dem Melderegister");
    String oldStreet = browser.findElement(By.id("a-currentAddress-street")).getAttribute("value");
    assertThat(oldStreet).isNotBlank();
    if (browser.findElement(By.id("a-birthDate")).getAttribute("value").isBlank()) {
      type("a-birthDate", "02.03.1980");
    }
    accessible("change of address, step 1");
    next();

    Browser.awaitOrExplain(browser, By.id("a-moveKind-within"));
    String movers = browser.findElement(By.id("a-movers")).getAttribute("value");
    assertThat(movers)
        .contains("Sabine Mustermann, 23.11.1982")
        .contains("Lena Mustermann, 09.05.2015")
        .contains("Paul Mustermann, 30.01.2018");
    assertThat(text("a-movers-source")).isEqualTo("aus dem Melderegister");
    browser.findElement(By.id("a-moveKind-within")).sendKeys(Keys.SPACE);
    type("a-newAddress-street", "Rosenweg");
    type("a-newAddress-houseNumber", houseNumber);
    type("a-newAddress-postalCode", "91099");
    type("a-newAddress-city", "Musterstadt");
    type("a-movingDate", GERMAN.format(movingDate));
    accessible("change of address, step 2");
    next();

    Browser.awaitOrExplain(browser, By.id("a-landlordConfirmation-code"));
    browser.findElement(By.id("a-landlordConfirmation-code")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("step:refresh")).sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("a-landlordCode"));
    type("a-landlordCode", "WG-472911");
    accessible("change of address, step 3");
    next();

    Browser.awaitOrExplain(browser, By.id("a-email"));
    type("a-email", "max.mustermann@example.org");
    next();
    Browser.awaitOrExplain(browser, By.id("review:submit"));
    accessible("change of address, review");
    browser.findElement(By.id("review:submit")).sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("submitted-reference"));
    String reference = text("submitted-reference");
    ItApplications.signOut(browser);

    // Moritz, staff without the role register-clerk: the case is not his to see or take (V79).
    signInAsMoritz();
    UUID caseId = caseOf(reference);
    browser.get(portal + "/office/case.xhtml?id=" + caseId);
    Browser.awaitOrExplain(browser, By.tagName("h1"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Seite nicht gefunden");
    browser.get(portal + "/office/inbox.xhtml?q=" + reference);
    Browser.awaitOrExplain(browser, By.id("inbox-heading"));
    assertThat(browser.findElements(By.linkText(reference))).as("not in his inbox").isEmpty();
    ItApplications.signOut(browser);

    // Mia, register clerk of Musterstadt, sees the register change and approves.
    ItApplications.signInAsMia(browser, portal);
    browser.get(portal + "/office/case.xhtml?id=" + caseId);
    Browser.awaitOrExplain(browser, By.id("move-register"));
    assertThat(text("move-person")).isEqualTo("Max Mustermann");
    assertThat(text("move-new")).isEqualTo("Rosenweg " + houseNumber + ", 91099 Musterstadt");
    assertThat(text("move-movers"))
        .contains("Sabine Mustermann", "Lena Mustermann", "Paul Mustermann");
    assertThat(text("move-landlord")).isEqualTo("WG-472911");
    assertThat(browser.findElements(By.id("move-ok"))).hasSize(1);
    accessible("case page with the register change");
    browser.findElement(By.id("claim:submit")).click();
    Browser.awaitOrExplain(browser, By.id("case-confirmation"));
    type("decide:reasons", "Die Ummeldung ist geprüft; die Wohnungsgeberbestätigung liegt vor.");
    browser.findElement(By.id("decide:submit")).click();
    Browser.awaitText(browser, By.id("case-confirmation"), "Antrag wurde genehmigt");
    assertThat(text("case-status")).isEqualTo("Genehmigt");
    assertThat(text("move-registered")).contains("eingetragen");
    assertThat(text("case-thread")).contains("Meldebestätigung");
    accessible("approved case page");
    ItApplications.signOut(browser);

    // Max's next form: the new address, from the register.
    openTheFormAsMax();
    assertThat(browser.findElement(By.id("a-currentAddress-street")).getAttribute("value"))
        .isEqualTo("Rosenweg");
    assertThat(browser.findElement(By.id("a-currentAddress-houseNumber")).getAttribute("value"))
        .isEqualTo(houseNumber);
    assertThat(text("a-currentAddress-source")).isEqualTo("aus dem Melderegister");
    accessible("next form, prefilled with the new address");
  }
}
