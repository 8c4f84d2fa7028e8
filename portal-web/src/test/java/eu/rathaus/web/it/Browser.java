package eu.rathaus.web.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Debian's chromedriver; nothing is downloaded at run time. */
public final class Browser {

  private Browser() {}

  public static ChromeDriver start() throws Exception {
    return start(false);
  }

  /**
   * @param recordNetwork also keep Chromium's network events (the "performance" log), for tests
   *     that check where the pages send requests
   */
  public static ChromeDriver start(boolean recordNetwork) throws Exception {
    String binary = System.getProperty("rathaus.chromium", "/usr/bin/chromium");
    String driver = System.getProperty("rathaus.chromedriver", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(driver))) {
      throw new IllegalStateException(
          "Chromium and chromedriver are needed for browser tests: apt-get install -y chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--lang=de-DE",
        "--user-data-dir=" + Files.createTempDirectory("rathaus-chromium"));
    // The console log, so tests can check that no content security policy violation was reported.
    options.setCapability(
        "goog:loggingPrefs",
        recordNetwork
            ? java.util.Map.of("browser", "ALL", "performance", "ALL")
            : java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile()).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return browser;
  }

  /**
   * Waits for an element; on time-out the failure names the page the browser is on and what it
   * shows, and leaves a screenshot in target/ui-failures, so a red CI run can be understood.
   */
  public static void awaitOrExplain(ChromeDriver browser, By locator) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.presenceOfElementLocated(locator));
    } catch (TimeoutException e) {
      String text = browser.findElement(By.tagName("body")).getText();
      try {
        Path dir = Files.createDirectories(Path.of("target/ui-failures"));
        Files.write(
            dir.resolve(System.currentTimeMillis() + ".png"),
            browser.getScreenshotAs(OutputType.BYTES));
      } catch (Exception ignored) {
        // the explanation below is what matters
      }
      throw new AssertionError(
          "Waited for "
              + locator
              + " on "
              + browser.getCurrentUrl()
              + " ("
              + browser.getTitle()
              + "): "
              + text.substring(0, Math.min(600, text.length())),
          e);
    }
  }

  /**
   * Waits until the element shows {@code text}: for messages that exist (empty) on the page before
   * the post as well, where waiting for presence alone would read the old page.
   */
  public static void awaitText(ChromeDriver browser, By locator, String text) {
    try {
      // A node replaced while it is read is reported as stale or as "does not belong to the
      // document" (a plain WebDriverException): both mean "look again".
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    } catch (TimeoutException e) {
      String body = browser.findElement(By.tagName("body")).getText();
      throw new AssertionError(
          "Waited for '"
              + text
              + "' in "
              + locator
              + " on "
              + browser.getCurrentUrl()
              + ": "
              + body.substring(0, Math.min(600, body.length())),
          e);
    }
  }

  /**
   * Waits until the page's text contains one of {@code alternatives} (e.g. the German and the
   * English wording) and returns that text. The body is looked up afresh on every poll: a page that
   * is replaced while it is read (a redirect through Keycloak) only means "look again".
   */
  public static String awaitPageText(ChromeDriver browser, String... alternatives) {
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(
              d -> {
                String text = d.findElement(By.tagName("body")).getText();
                for (String alternative : alternatives) {
                  if (text.contains(alternative)) {
                    return text;
                  }
                }
                return null;
              });
    } catch (TimeoutException e) {
      String body = browser.findElement(By.tagName("body")).getText();
      throw new AssertionError(
          "Waited for one of "
              + java.util.Arrays.toString(alternatives)
              + " on "
              + browser.getCurrentUrl()
              + ": "
              + body.substring(0, Math.min(600, body.length())),
          e);
    }
  }

  /** axe-core rules for WCAG 2.1 A/AA whose impact is serious or critical. */
  public static List<String> seriousViolations(ChromeDriver browser) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser);
    return results.getViolations().stream()
        .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
        .map(Browser::describe)
        .toList();
  }

  private static String describe(Rule rule) {
    return rule.getId()
        + " ("
        + rule.getImpact()
        + "): "
        + rule.getHelp()
        + " "
        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
  }

  /**
   * Console messages since the last call that report a content security policy violation (Chromium
   * logs "Refused to … because it violates the following Content Security Policy directive").
   */
  public static List<String> cspViolations(ChromeDriver browser) {
    return browser
        .manage()
        .logs()
        .get(org.openqa.selenium.logging.LogType.BROWSER)
        .getAll()
        .stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .toList();
  }
}
