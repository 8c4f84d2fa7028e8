package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.TenantRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * Musterstadt's admin Moritz opens "Aufbewahrung": the platform defaults, the dry run listing a
 * rejected case of six years ago as due with its reason, and the per-service periods; a period out
 * of range is refused at its field, a valid one is saved and shown. Operated by keyboard (Tab,
 * Enter); axe-core is clean on the page, with the field problem shown too.
 */
class RetentionUiIT extends BrowserJourney {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  @Test
  void adminSeesWhatWillBeErasedAndWhySetsAServicesPeriodByKeyboard() throws Exception {
    TenantRows.SubmittedCase old;
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      old = TenantRows.submittedCase(c, MUSTERSTADT, "it-retention-ui-" + UUID.randomUUID());
      try (PreparedStatement p =
          c.prepareStatement(
              "update case_record set status = 'REJECTED', decided_at = now() - interval '6 years',"
                  + " changed_at = now() - interval '6 years' where id = ?")) {
        p.setObject(1, old.caseId());
        p.executeUpdate();
      }
      c.commit();
    }
    try {
      signInAsMoritz();
      browser.findElement(By.id("nav-retention")).click();
      Browser.awaitOrExplain(browser, By.id("plan-table"));
      assertThat(text("retention-heading")).isEqualTo("Aufbewahrung und Löschung");
      assertThat(text("defaults-table")).contains("6 Monate", "5 Jahre", "10 Jahre");
      By row = By.xpath("//tr[@data-id='" + old.caseId() + "']");
      assertThat(browser.findElement(row).getText())
          .contains(old.reference(), "wird gelöscht", "Aufbewahrungsfrist abgelaufen");
      accessible("the retention page");

      // Keyboard: the horizon select, Tab to the button, Enter.
      browser.findElement(By.id("plan:horizon")).sendKeys(Keys.END);
      browser.findElement(By.id("plan:horizon")).sendKeys(Keys.TAB);
      browser.switchTo().activeElement().sendKeys(Keys.ENTER);
      awaitStable()
          .until(d -> d.findElement(By.id("plan-summary")).getText().contains("würden bis zum"));
      assertThat(
              new Select(browser.findElement(By.id("plan:horizon")))
                  .getFirstSelectedOption()
                  .getText())
          .isEqualTo("in einem Jahr");

      // A period out of range: refused at the field, nothing saved.
      new Select(browser.findElement(By.id("setting:service")))
          .selectByValue(old.definition().toString());
      type("setting:draftMonths", "99");
      browser.findElement(By.id("setting:draftMonths")).sendKeys(Keys.ENTER);
      Browser.awaitOrExplain(browser, By.id("setting:draftMonths-error"));
      assertThat(text("setting:draftMonths-error")).contains("1 bis 24");
      accessible("the retention page with a field problem");

      new Select(browser.findElement(By.id("setting:service")))
          .selectByValue(old.definition().toString());
      type("setting:draftMonths", "3");
      type("setting:caseMonths", "");
      browser.findElement(By.id("setting:caseMonths")).sendKeys(Keys.ENTER);
      awaitStable()
          .until(d -> d.findElement(By.id("page-messages")).getText().contains("gespeichert"));
      By service =
          By.xpath("//table[@id='services-table']//tr[@data-id='" + old.definition() + "']");
      assertThat(browser.findElement(service).getText())
          .contains("3 Monate", "60 Monate (Standard)");
      accessible("the retention page after saving");
    } finally {
      // Not due any more: the next test's dry run and the job leave it alone.
      try (Connection c = Jdbc.superuser();
          PreparedStatement p =
              c.prepareStatement(
                  "update case_record set decided_at = now(), changed_at = now() where id = ?")) {
        p.setObject(1, old.caseId());
        p.executeUpdate();
      }
    }
  }

  /** Moritz, also a clerk, sets a legal hold on a case by keyboard with a reason and lifts it. */
  @Test
  void clerkSetsAndLiftsALegalHoldOnACase() throws Exception {
    TenantRows.SubmittedCase submitted;
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      submitted =
          TenantRows.submittedCase(c, MUSTERSTADT, "it-retention-hold-" + UUID.randomUUID());
      c.commit();
    }
    signInAsMoritz();
    browser.get(portal + "/office/case.xhtml?id=" + submitted.caseId());
    Browser.awaitOrExplain(browser, By.id("hold:reason"));
    assertThat(text("hold-none")).contains("Keine Aufbewahrungssperre");

    browser.findElement(By.id("hold:set")).click();
    awaitStable()
        .until(
            d ->
                d.findElement(By.id("case-messages"))
                    .getText()
                    .contains("Bitte geben Sie einen Grund an"));

    type("hold:reason", "Klageverfahren 2 K 99/26");
    browser.findElement(By.id("hold:reason")).sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("hold-reason"));
    assertThat(text("hold-reason")).contains("Aufbewahrungssperre:", "Klageverfahren 2 K 99/26");
    accessible("the case page with a legal hold");

    browser.findElement(By.id("hold:lift")).sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("hold-none"));
    assertThat(browser.findElements(By.id("hold-reason"))).isEmpty();
  }
}
