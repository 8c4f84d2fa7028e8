package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.KeycloakForms;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The platform admin's residency page on the running stack: the policy the launcher sets, every
 * outbound endpoint the portal really uses (database, Keycloak, mail relay, payment provider) with
 * its verdict, reachable from the navigation, axe-clean; a municipal admin gets no access.
 */
class ResidencyUiIT extends BrowserJourney {

  @Test
  void platformAdminSeesThePolicyAndEveryOutboundEndpoint() {
    browser.get(portal + "/admin/municipalities.xhtml");
    KeycloakForms.signIn(browser, "paula.plattform", "demo");
    Browser.awaitOrExplain(browser, By.id("nav-admin-residency"));
    browser.findElement(By.id("nav-admin-residency")).click();
    Browser.awaitOrExplain(browser, By.id("residency-endpoints"));

    assertThat(text("residency-region")).isEqualTo("Demo: nur dieser Rechner");
    assertThat(text("residency-policy")).contains("localhost");
    assertThat(text("residency-verdict"))
        .isEqualTo("Alle Verbindungen bleiben innerhalb der Richtlinie.");
    List<WebElement> rows = browser.findElements(By.cssSelector("#residency-endpoints tbody tr"));
    List<String> lines = rows.stream().map(WebElement::getText).toList();
    assertThat(lines)
        .anyMatch(l -> l.startsWith("Datenbank (PostgreSQL) POSTGRESQL_URL 127.0.0.1"))
        .anyMatch(l -> l.startsWith("Anmeldung (Keycloak) OIDC_PROVIDER_URL"))
        .anyMatch(l -> l.startsWith("E-Mail-Versand (SMTP) SMTP_HOST 127.0.0.1"))
        .anyMatch(l -> l.startsWith("Zahlungsanbieter PAYMENT_PROVIDER_URL 127.0.0.1"))
        .allMatch(l -> l.endsWith(" erlaubt"));
    accessible("residency page");
  }

  @Test
  void aMunicipalAdminHasNoAccess() {
    signInAsMoritz();
    Browser.awaitOrExplain(browser, By.id("nav-services"));
    assertThat(browser.findElements(By.id("nav-admin-residency"))).isEmpty();
    browser.get(portal + "/admin/residency.xhtml");
    Browser.awaitOrExplain(browser, By.tagName("h1"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kein Zugriff");
    assertThat(browser.getPageSource()).doesNotContain("RATHAUS_RESIDENCY_HOSTS");
  }
}
