package eu.rathaus.web.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of the browser tests: the whole stack as {@code ./rathaus up} runs it, and a fresh headless
 * Chromium per journey, so no cookie of one person's session leaks into the next.
 */
public abstract class BrowserJourney {

  protected static String portal;
  protected ChromeDriver browser;

  @BeforeAll
  static void startStack() {
    ItStack.portal();
    portal = ItStack.config().portalBaseUrl();
  }

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * GET with the browser's session cookie, without following redirects: for downloads and status
   * codes (404 pages), which Selenium does not expose.
   */
  protected java.net.http.HttpResponse<byte[]> fetchWithSession(String path) throws Exception {
    org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal + path))
            .header("Cookie", "JSESSIONID=" + session.getValue())
            .GET()
            .build();
    return java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
        .build()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A 30-second wait that rides over re-rendered (stale) and not-yet-present elements. */
  protected org.openqa.selenium.support.ui.WebDriverWait awaitStable() {
    org.openqa.selenium.support.ui.WebDriverWait wait =
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
    return wait;
  }

  /**
   * Signs Musterstadt's admin Moritz in through the staff door and opens the settings page; if the
   * form {@code form} (logo, sign-language video) has something stored, removes it first, so the
   * test starts from nothing whatever an earlier run left.
   */
  protected void openSettingsAsMusterstadtAdmin(String form) {
    browser.get(portal + "/");
    browser.findElement(org.openqa.selenium.By.id("login-staff")).click();
    KeycloakForms.typeIdentity(browser, "moritz.admin@musterstadt.de");
    awaitStable().until(d -> KeycloakForms.onRealm(browser, "musterstadt-verzeichnis"));
    KeycloakForms.signIn(browser, "moritz.admin@musterstadt.de", "demo");
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id("nav-services"));
    browser.get(portal + "/municipal/settings.xhtml");
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id(form + ":upload"));
    org.openqa.selenium.By remove = org.openqa.selenium.By.id(form + ":remove");
    if (!browser.findElements(remove).isEmpty()) {
      browser.findElement(remove).click();
      awaitStable().until(d -> d.findElements(remove).isEmpty());
    }
  }
}
