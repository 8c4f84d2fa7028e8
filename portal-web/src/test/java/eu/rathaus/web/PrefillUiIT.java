package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.PrefillTemplates;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Prefill in the browser: a parking permit form whose names come from the eID (the family name not
 * changeable) and whose address comes from the resident register (not changeable) opens for Erika
 * with her names and her registered address filled in, each marked with its source, the locked ones
 * read-only. A second form takes her birth date, place of birth and address from the eID: the demo
 * eID asserts them as a real one does (realm template eid-realm.json, brokered into the portal's ID
 * token), consistent with the register. axe-core on the prefilled steps.
 */
class PrefillUiIT extends BrowserJourney {

  @Test
  void erikaSeesHerNamesFromTheEidAndHerAddressFromTheRegisterMarkedWithTheirSources()
      throws Exception {
    String service = ItServices.publishTemplate(PrefillTemplates.parkingPermit(), "musterstadt");
    signInAsErika();

    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=" + service);
    Browser.awaitOrExplain(browser, By.id("a-firstNames"));
    assertThat(browser.findElement(By.id("a-firstNames")).getAttribute("value")).isEqualTo("Erika");
    assertThat(text("a-firstNames-source")).isEqualTo("aus Ihrem Personalausweis");
    assertThat(browser.findElement(By.id("a-firstNames")).getAttribute("readonly")).isNull();
    assertThat(browser.findElement(By.id("a-lastName")).getAttribute("value"))
        .isEqualTo("Mustermann");
    assertThat(browser.findElement(By.id("a-lastName")).getAttribute("readonly")).isNotNull();
    assertErikasAddressLocked("aus dem Melderegister");
    assertThat(browser.findElement(By.id("a-email")).getAttribute("value")).isEmpty();
    assertThat(browser.findElements(By.id("a-email-source"))).isEmpty();
    accessible("prefilled form");
  }

  @Test
  void erikaSeesHerBirthDateBirthPlaceAndAddressAsTheEidAssertsThem() throws Exception {
    String service =
        ItServices.publishTemplate(PrefillTemplates.parkingPermitFromTheEid(), "musterstadt");
    signInAsErika();

    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=" + service);
    Browser.awaitOrExplain(browser, By.id("a-birthDate"));
    String fromTheEid = "aus Ihrem Personalausweis";
    assertThat(browser.findElement(By.id("a-birthDate")).getAttribute("value"))
        .isEqualTo("12.08.1964");
    assertThat(text("a-birthDate-source")).isEqualTo(fromTheEid);
    assertThat(browser.findElement(By.id("a-birthPlace")).getAttribute("value"))
        .isEqualTo("Berlin");
    assertThat(text("a-birthPlace-source")).isEqualTo(fromTheEid);
    assertErikasAddressLocked(fromTheEid);
    accessible("form prefilled from the eID");
  }

  /** Heidestraße 17, 91099 Musterstadt in the address field, read-only, marked with its source. */
  private void assertErikasAddressLocked(String source) {
    assertThat(browser.findElement(By.id("a-address-street")).getAttribute("value"))
        .isEqualTo("Heidestraße");
    assertThat(browser.findElement(By.id("a-address-houseNumber")).getAttribute("value"))
        .isEqualTo("17");
    assertThat(browser.findElement(By.id("a-address-postalCode")).getAttribute("value"))
        .isEqualTo("91099");
    assertThat(browser.findElement(By.id("a-address-city")).getAttribute("value"))
        .isEqualTo("Musterstadt");
    assertThat(text("a-address-source")).isEqualTo(source);
    assertThat(browser.findElement(By.id("a-address-street")).getAttribute("readonly")).isNotNull();
  }
}
