package eu.rathaus.apiclients;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Moritz (Musterstadt's admin) opens "API-Zugänge" from the header, is told in German what is
 * missing, creates an API client and sees its client id and secret once, changes its rate limit,
 * issues a new secret, disables and deletes it — the row's buttons worked by keyboard (Enter);
 * axe-core clean in every state.
 */
class ApiClientsUiIT extends BrowserJourney {

  @Test
  void moritzCreatesRotatesDisablesAndDeletesAnApiClient() {
    signInAsMoritz();
    browser.get(portal + "/");
    Browser.awaitOrExplain(browser, By.id("nav-api-clients"));
    browser.findElement(By.id("nav-api-clients")).click();
    Browser.awaitOrExplain(browser, By.id("apiclients-heading"));
    accessible("API clients page");

    // Nothing chosen, submission without a redirect URI, a bad rate: refused at the fields.
    browser.findElement(By.id("create:publicRead")).click();
    browser.findElement(By.id("create:save")).click();
    Browser.awaitOrExplain(browser, By.id("create:name-error"));
    assertThat(text("create:name-error")).contains("Bezeichnung");
    assertThat(text("create:scopes-error")).contains("mindestens eine Schnittstelle");
    browser.findElement(By.id("create:submission")).click();
    type("create:name", "Stadt-App");
    type("create:rate", "null");
    browser.findElement(By.id("create:save")).click();
    Browser.awaitOrExplain(browser, By.id("create:redirectUris-error"));
    assertThat(text("create:redirectUris-error")).contains("Rücksprungadresse");
    assertThat(text("create:rate-error")).contains("1 bis 100000");
    accessible("API clients page with problems");

    String name = "Stadt-App " + UUID.randomUUID().toString().substring(0, 6);
    type("create:name", name);
    type("create:redirectUris", "https://app.localhost/callback");
    type("create:rate", "120");
    WebElement save = browser.findElement(By.id("create:save"));
    save.sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("new-client-secret"));
    String clientId = text("new-client-id");
    String secret = text("new-client-secret");
    assertThat(clientId).startsWith("api-musterstadt-");
    assertThat(secret).isNotBlank();
    assertThat(text("token-endpoint")).endsWith("/protocol/openid-connect/token");
    assertThat(row(clientId).getText()).contains(name, "aktiv");
    assertThat(rate(clientId).getAttribute("value")).isEqualTo("120");
    accessible("API clients page with a new secret");

    rate(clientId).clear();
    // Enter in the row's limit field submits that row (each row has its own small form).
    rate(clientId).sendKeys("60", Keys.ENTER);
    awaitStable().until(b -> text("page-messages").contains("neue Limit"));
    assertThat(rate(clientId).getAttribute("value")).isEqualTo("60");

    row(clientId).findElement(By.cssSelector(".action-rotate")).sendKeys(Keys.ENTER);
    awaitStable().until(b -> !text("new-client-secret").equals(secret));
    assertThat(text("new-client-id")).isEqualTo(clientId);

    row(clientId).findElement(By.cssSelector(".action-disable")).sendKeys(Keys.ENTER);
    awaitStable().until(b -> row(clientId).getText().contains("deaktiviert"));
    // A reload shows the secret no more: it was shown once.
    browser.get(portal + "/municipal/api-clients.xhtml");
    Browser.awaitOrExplain(browser, By.id("apiclients-heading"));
    assertThat(browser.findElements(By.id("new-client-secret"))).isEmpty();
    assertThat(row(clientId).getText()).contains("deaktiviert");
    accessible("API clients page with a disabled client");

    row(clientId).findElement(By.cssSelector(".action-delete")).sendKeys(Keys.ENTER);
    awaitStable()
        .until(
            b -> b.findElements(By.cssSelector("tr[data-client-id='" + clientId + "']")).isEmpty());
  }

  private WebElement rate(String clientId) {
    return row(clientId).findElement(By.cssSelector(".rate-input"));
  }

  private WebElement row(String clientId) {
    return browser.findElement(By.cssSelector("tr[data-client-id='" + clientId + "']"));
  }
}
