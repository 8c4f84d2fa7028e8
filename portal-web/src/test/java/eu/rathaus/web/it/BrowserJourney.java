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
}
