package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.KeycloakForms;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

/**
 * Sovereignty, checked in a real browser: every page group, walked as a visitor, a citizen, a
 * municipal admin and the platform admin, makes no request to any origin but the installation's own
 * two (the portal and its Keycloak), and every page's fonts, scripts, styles and images come from
 * the page's own origin. Chromium's network log is the witness, so a font or script slipped in by a
 * template (or by a library's default) fails the test even where the content security policy would
 * only report.
 */
class SameOriginUiIT extends BrowserJourney {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Requests that left the installation or a page's own origin, with the page that made them. */
  private final List<String> foreign = new ArrayList<>();

  private final Set<String> visited = new LinkedHashSet<>();

  @Override
  protected boolean recordsNetwork() {
    return true;
  }

  @Test
  void noPageOfAnyGroupRequestsAnotherOrigin() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");

    // Visitor: the public pages, and every link of the start page's footer (legal pages).
    visit("/");
    List<String> footer = hrefs("footer a[href^='/'], footer a[href^='" + portal + "']");
    assertThat(footer).as("links in the footer of the start page").isNotEmpty();
    for (String href : footer) {
      visit(href);
    }
    visit("/municipality.xhtml?m=musterstadt");
    visit("/service.xhtml?m=musterstadt&s=" + service);
    visit("/leichte-sprache.xhtml");
    visit("/gebaerdensprache.xhtml");

    // Citizen: Keycloak's eID login pages, then every page of her navigation and a form.
    browser.get(portal + "/");
    browser.findElement(By.id("login")).click();
    Browser.awaitOrExplain(browser, By.id("username"));
    check("Keycloak sign-in (citizens)");
    KeycloakForms.signIn(browser, "erika.mustermann", "demo");
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    check("start page, signed in as Erika");
    for (String href : hrefs("a[id^='nav-']")) {
      visit(href);
    }
    visit("/citizen/apply.xhtml?m=musterstadt&s=" + service);
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login-staff"));
    check("signed out");

    // Municipal admin and clerk: the staff door, his directory's login page, every page he has.
    browser.findElement(By.id("login-staff")).click();
    KeycloakForms.typeIdentity(browser, "moritz.admin@musterstadt.de");
    awaitStable().until(d -> KeycloakForms.onRealm(browser, "musterstadt-verzeichnis"));
    check("Keycloak sign-in (staff directory)");
    KeycloakForms.signIn(browser, "moritz.admin@musterstadt.de", "demo");
    Browser.awaitOrExplain(browser, By.id("nav-services"));
    check("start page, signed in as Moritz");
    List<String> staffPages = hrefs("a[id^='nav-']");
    assertThat(staffPages)
        .as("the staff navigation reaches the office and the municipal admin pages")
        .anyMatch(h -> h.contains("/office/"))
        .anyMatch(h -> h.contains("/municipal/"));
    for (String href : staffPages) {
      visit(href);
    }
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login-staff"));

    // Platform admin: the realm's own login page, then the administration's pages.
    browser.get(portal + "/admin/municipalities.xhtml");
    Browser.awaitOrExplain(browser, By.id("username"));
    check("Keycloak sign-in (platform)");
    KeycloakForms.signIn(browser, "paula.plattform", "demo");
    Browser.awaitOrExplain(browser, By.id("nav-admin-residency"));
    check("administration, signed in as Paula");
    for (String href : hrefs("a[id^='nav-admin']")) {
      visit(href);
    }

    assertThat(visited).as("pages walked").hasSizeGreaterThan(15);
    assertThat(foreign).as("requests to another origin").isEmpty();
  }

  private void visit(String href) throws Exception {
    String url = href.startsWith("http") ? href : portal + href;
    if (!visited.add(url)) {
      return;
    }
    browser.get(url);
    Browser.awaitOrExplain(browser, By.tagName("main"));
    check(url);
  }

  private List<String> hrefs(String css) {
    List<String> out = new ArrayList<>();
    for (WebElement a : browser.findElements(By.cssSelector(css))) {
      String href = a.getAttribute("href");
      if (href != null && !href.contains("logout") && !href.contains("signout")) {
        out.add(href);
      }
    }
    return out;
  }

  /**
   * Reads what Chromium sent since the last check: each request must go to the portal or its
   * Keycloak, and each subresource to the origin of the document that asked for it.
   */
  private void check(String page) throws Exception {
    Set<String> own =
        Set.of(origin(URI.create(portal)), origin(URI.create(ItStack.config().keycloakUrl())));
    int requests = 0;
    for (LogEntry entry : browser.manage().logs().get("performance")) {
      JsonNode message = JSON.readTree(entry.getMessage()).path("message");
      if (!"Network.requestWillBeSent".equals(message.path("method").asText())) {
        continue;
      }
      JsonNode params = message.path("params");
      URI target = URI.create(params.path("request").path("url").asText());
      if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
        continue; // data: and blob: URLs are made by the page itself
      }
      requests++;
      String type = params.path("type").asText();
      String documentUrl = params.path("documentURL").asText();
      if (!own.contains(origin(target))) {
        foreign.add(page + ": " + type + " " + target);
      } else if (!"Document".equals(type)
          && !documentUrl.isEmpty()
          && !origin(target).equals(origin(URI.create(documentUrl)))) {
        foreign.add(page + ": " + type + " " + target + " for " + documentUrl);
      }
    }
    assertThat(requests).as("requests the browser made for " + page).isPositive();
  }

  private static String origin(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getScheme() + "://" + uri.getHost() + ":" + port;
  }
}
