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
    browser = Browser.start(recordsNetwork());
  }

  /** Whether the journey reads Chromium's network log (off: it costs memory in every test). */
  protected boolean recordsNetwork() {
    return false;
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
    // Chromium reports a node replaced while it is read either as stale or as "does not belong to
    // the document" (a plain WebDriverException): both mean "look again".
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  /**
   * Signs Musterstadt's admin Moritz in through the staff door and opens the settings page; if the
   * form {@code form} (logo, sign-language video) has something stored, removes it first, so the
   * test starts from nothing whatever an earlier run left.
   */
  protected void openSettingsAsMusterstadtAdmin(String form) {
    signInAsMoritz();
    browser.get(portal + "/municipal/settings.xhtml");
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id(form + ":upload"));
    org.openqa.selenium.By remove = org.openqa.selenium.By.id(form + ":remove");
    if (!browser.findElements(remove).isEmpty()) {
      browser.findElement(remove).click();
      awaitStable().until(d -> d.findElements(remove).isEmpty());
    }
  }

  /**
   * Moritz, Musterstadt's municipal admin (also a clerk), signs in through the staff door and his
   * municipality's directory; ends on the start page with the staff navigation.
   */
  protected void signInAsMoritz() {
    browser.get(portal + "/");
    browser.findElement(org.openqa.selenium.By.id("login-staff")).click();
    KeycloakForms.typeIdentity(browser, "moritz.admin@musterstadt.de");
    awaitStable().until(d -> KeycloakForms.onRealm(browser, "musterstadt-verzeichnis"));
    KeycloakForms.signIn(browser, "moritz.admin@musterstadt.de", "demo");
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id("nav-services"));
  }

  /** Erika Mustermann (eID, level substantial, Musterstadt) signs in through the citizens' door. */
  protected void signInAsErika() {
    browser.get(portal + "/");
    browser.findElement(org.openqa.selenium.By.id("login")).click();
    KeycloakForms.signIn(browser, "erika.mustermann", "demo");
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id("signed-in-user"));
  }

  /** Replaces the value of the input {@code id} with {@code text}. */
  protected void type(String id, String text) {
    org.openqa.selenium.WebElement field = browser.findElement(org.openqa.selenium.By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** The visible text of the element {@code id}. */
  protected String text(String id) {
    return browser.findElement(org.openqa.selenium.By.id(id)).getText();
  }

  /** axe-core finds no serious or critical violation on the current page. */
  protected void accessible(String page) {
    org.assertj.core.api.Assertions.assertThat(Browser.seriousViolations(browser))
        .as("axe-core on " + page)
        .isEmpty();
  }

  /**
   * Opens Musterstadt's Meldebescheinigung {@code service}, types Erika's personal data into its
   * first step and goes on to the second.
   */
  protected void startMeldebescheinigungAsErika(String service) {
    fillFirstStepOfMeldebescheinigungAsErika(service);
    browser.findElement(org.openqa.selenium.By.id("step:next")).click();
  }

  /**
   * Opens Musterstadt's Meldebescheinigung {@code service} and types Erika's personal data into its
   * first step, without posting it.
   */
  protected void fillFirstStepOfMeldebescheinigungAsErika(String service) {
    browser.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=" + service);
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id("a-firstNames"));
    type("a-firstNames", "Erika");
    type("a-lastName", "Mustermann");
    type("a-birthDate", "12.08.1964");
  }

  /**
   * The signed-in citizen files Musterstadt's Meldebescheinigung {@code service} as Erika: {@code
   * certificateType} "simple" or "extended", delivered to the mailbox, notifications to {@code
   * email}; returns the reference shown after submitting.
   */
  protected String fileMeldebescheinigungAsErika(
      String service, String certificateType, String email) {
    startMeldebescheinigungAsErika(service);
    org.openqa.selenium.By certificate =
        org.openqa.selenium.By.id("a-certificateType-" + certificateType);
    Browser.awaitOrExplain(browser, certificate);
    browser.findElement(certificate).click();
    browser.findElement(org.openqa.selenium.By.id("a-delivery-mailbox")).click();
    browser.findElement(org.openqa.selenium.By.id("step:next")).click();
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id("a-email"));
    type("a-email", email);
    browser.findElement(org.openqa.selenium.By.id("step:next")).click();
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id("review:submit"));
    browser.findElement(org.openqa.selenium.By.id("review:submit")).click();
    Browser.awaitOrExplain(browser, org.openqa.selenium.By.id("submitted-reference"));
    return text("submitted-reference");
  }
}
