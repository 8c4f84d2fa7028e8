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
}
