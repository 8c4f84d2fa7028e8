package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Musterstadt's admin sets the fee for handing found items back on the settings page, by keyboard
 * (Enter in the field): a negative amount and one above 1000 € are refused with the German message
 * at the field ({@code aria-invalid}) and change nothing, 12,50 € is stored in cents and shown
 * again; axe-core is clean with the refusal shown. The demo's 10 € are restored afterwards.
 */
class ClaimFeeUiIT extends BrowserJourney {

  private static final String MUSTERSTADT = "7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001";

  @Test
  void theAdminSetsTheClaimFeeByKeyboardAfterBadAmountsAreRefused() throws Exception {
    try {
      openSettingsAsMusterstadtAdmin("logo");
      assertThat(field().getAttribute("value")).isEqualTo("10,00");

      enter("-1");
      Browser.awaitText(browser, By.id("fee:claimFee-error"), "nicht negativ");
      assertThat(field().getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(Browser.seriousViolations(browser)).as("axe-core with the refusal").isEmpty();
      enter("1000,01");
      Browser.awaitText(browser, By.id("fee:claimFee-error"), "höchstens 1000 Euro");
      assertThat(feeCents()).isEqualTo(1000);

      enter("12,50");
      Browser.awaitText(
          browser, By.id("page-messages"), "Gebühr für die Herausgabe ist gespeichert");
      assertThat(browser.findElements(By.id("fee:claimFee-error")))
          .allSatisfy(e -> assertThat(e.getText()).isBlank());
      assertThat(field().getAttribute("aria-invalid")).isEqualTo("false");
      assertThat(field().getAttribute("value")).isEqualTo("12,50");
      assertThat(feeCents()).isEqualTo(1250);
      assertThat(Browser.seriousViolations(browser)).as("axe-core after saving").isEmpty();
    } finally {
      try (Connection c = Jdbc.superuser();
          PreparedStatement s =
              c.prepareStatement(
                  "update municipality set lost_property_claim_fee_cents = 1000 where id = ?::uuid")) {
        s.setString(1, MUSTERSTADT);
        s.executeUpdate();
      }
    }
  }

  private WebElement field() {
    return browser.findElement(By.id("fee:claimFee"));
  }

  /** Replaces the field's text and presses Enter in it, as a keyboard user would. */
  private void enter(String amount) {
    WebElement field = field();
    field.clear();
    field.sendKeys(amount, Keys.ENTER);
    awaitStable().until(d -> !d.findElements(By.id("fee:claimFee")).isEmpty());
  }

  private static long feeCents() throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select lost_property_claim_fee_cents from municipality where id = ?::uuid")) {
      s.setString(1, MUSTERSTADT);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
