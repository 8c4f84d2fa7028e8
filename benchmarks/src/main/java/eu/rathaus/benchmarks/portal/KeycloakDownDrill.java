package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.LocalKeycloak;
import eu.rathaus.launcher.Stack;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Drill: Keycloak is stopped. A citizen who signed in before keeps working (opens pages, submits an
 * application); a visitor who presses "Anmelden" gets the portal's own page "sign-in not possible
 * right now" (503 with Retry-After, the {@code /signin} check) instead of the browser's "connection
 * refused"; after Keycloak is started again, signing in works without touching the portal.
 */
final class KeycloakDownDrill {

  private KeycloakDownDrill() {}

  /** Returns the verdict and the restarted Keycloak, which the caller must stop. */
  static Object[] run(Stack stack, Citizen signedIn, int downSeconds) throws Exception {
    String portal = stack.config().portalBaseUrl();
    stack.keycloak().stop();
    long downAt = System.nanoTime();
    List<String> problems = new ArrayList<>();
    // Signed-in work during the outage.
    int pagesOk = 0;
    int submitted = 0;
    long until = downAt + downSeconds * 1_000_000_000L;
    do {
      HttpResponse<String> page = signedIn.probe(portal + "/citizen/applications.xhtml");
      if (page.statusCode() == 200 && page.uri().toString().startsWith(portal)) {
        pagesOk++;
      } else {
        problems.add("signed-in page: " + page.statusCode() + " " + page.uri());
      }
      try {
        signedIn.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE);
        submitted++;
      } catch (java.io.IOException e) {
        problems.add("signed-in submission: " + e.getMessage());
      }
    } while (System.nanoTime() < until);
    // A visitor presses "Anmelden" (the header's link, as a browser follows it).
    Citizen visitor = new Citizen(portal);
    HttpResponse<String> home = visitor.probe(portal + "/municipality.xhtml?m=musterstadt");
    Element login = Jsoup.parse(home.body(), portal + "/").selectFirst("a#login");
    String href = login == null ? portal + "/signin?kc_idp_hint=eid" : login.absUrl("href");
    HttpResponse<String> signIn = visitor.probe(href);
    boolean clearPage =
        signIn.statusCode() == 503
            && signIn.body().contains("Anmeldung gerade nicht möglich")
            && signIn.headers().firstValue("Retry-After").isPresent()
            && signIn.uri().toString().startsWith(portal);
    if (login == null || !login.attr("href").contains("/signin")) {
      problems.add("the header's \"Anmelden\" does not go through /signin: " + login);
    }
    if (!clearPage) {
      problems.add("\"Anmelden\" with Keycloak down: " + signIn.statusCode() + " " + signIn.uri());
    }
    double down = (System.nanoTime() - downAt) / 1e9;
    // Recovery: start Keycloak again; the portal itself is not touched.
    long startAt = System.nanoTime();
    LocalKeycloak restarted = LocalKeycloak.start(stack.config());
    double keycloakReady = (System.nanoTime() - startAt) / 1e9;
    long readyAt = System.nanoTime();
    double signInAgain = -1;
    String afterError = "";
    while (System.nanoTime() - readyAt < 120_000_000_000L) {
      try {
        Citizen fresh = new Citizen(portal);
        fresh.signIn("luca.basis", Stack.DEMO_PASSWORD);
        signInAgain = (System.nanoTime() - readyAt) / 1e9;
        break;
      } catch (Exception e) {
        afterError = e.toString();
        Thread.sleep(1000);
      }
    }
    if (signInAgain < 0) {
      problems.add("no sign-in within 120 s after Keycloak was back: " + afterError);
    }
    boolean pass = problems.isEmpty() && pagesOk > 0 && submitted > 0;
    String evidence =
        String.format(
            Locale.ROOT,
            "Keycloak down %.0f s: a citizen signed in before loaded %d pages and submitted %d"
                + " applications meanwhile; \"Anmelden\" answered %d%s; Keycloak started again in"
                + " %.1f s, and a new sign-in through its pages worked %.1f s after it was ready"
                + " (portal not restarted); problems: %s",
            down,
            pagesOk,
            submitted,
            signIn.statusCode(),
            clearPage ? " with the page \"Anmeldung gerade nicht möglich\" and Retry-After" : "",
            keycloakReady,
            signInAgain,
            problems.isEmpty() ? "none" : problems.subList(0, Math.min(5, problems.size())));
    return new Object[] {new Drill.Verdict("keycloak-down", pass, evidence, ""), restarted};
  }
}
