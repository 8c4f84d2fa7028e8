package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.ItServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator's metrics (issue 12): {@code /internal/metrics} answers Prometheus text only with
 * the bearer token (401 without or with a wrong one); after Erika signs in with eID level
 * substantial and submits an application, the submissions, her level's sign-ins and the open
 * payments have gone up and the scanner answers. Every response carries a request id; a well-formed
 * one from the load balancer is kept, a malformed one replaced.
 */
class MetricsIT extends BrowserJourney {

  /** The token the failsafe configuration gives the test server (portal-web/pom.xml). */
  private static final String TOKEN = "rathaus-local-metrics-token";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static HttpResponse<String> get(String path, String authorization, String requestId)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String scrape() throws Exception {
    HttpResponse<String> response = get("/internal/metrics", "Bearer " + TOKEN, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    return response.body();
  }

  /** The value of one sample line, e.g. {@code rathaus_payments{state="open"}}. */
  private static double sample(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([-0-9.eE+]+)$").matcher(text);
    assertThat(m.find()).as(series + " in\n" + text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /**
   * Polls until {@code series} exceeds {@code before} (the database figures are counted again at
   * most every 10 s) or 40 s have passed; returns the last scrape.
   */
  private static String scrapeUntilAbove(String series, double before) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    String text = scrape();
    while (sample(text, series) <= before && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      text = scrape();
    }
    return text;
  }

  @Test
  void metricsNeedTheTokenAndCountErikasSignInAndSubmission() throws Exception {
    assertThat(get("/internal/metrics", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/internal/metrics", "Bearer not-the-token", null).statusCode()).isEqualTo(401);
    assertThat(get("/internal/metrics", "Basic " + TOKEN, null).statusCode()).isEqualTo(401);

    String before = scrape();
    double submitted = sample(before, "rathaus_applications_submitted_total");
    double signIns = sample(before, "rathaus_sign_ins_total{level=\"substantial\"}");
    double open = sample(before, "rathaus_payments{state=\"open\"}");
    assertThat(sample(before, "rathaus_decisions_total{outcome=\"approved\"}")).isNotNegative();
    assertThat(sample(before, "rathaus_outbox_backlog")).isNotNegative();
    assertThat(sample(before, "rathaus_outbox_given_up")).isNotNegative();
    assertThat(sample(before, "rathaus_business_figures_up")).isEqualTo(1.0);
    assertThat(sample(before, "rathaus_scanner_status")).as("clamd answers").isEqualTo(1.0);

    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    ItApplications.signInAsErika(browser, portal);
    ItApplications.submitMeldebescheinigung(browser, portal, service);

    String after = scrapeUntilAbove("rathaus_applications_submitted_total", submitted);
    assertThat(sample(after, "rathaus_applications_submitted_total")).isGreaterThan(submitted);
    assertThat(sample(after, "rathaus_sign_ins_total{level=\"substantial\"}"))
        .isGreaterThan(signIns);
    assertThat(sample(after, "rathaus_payments{state=\"open\"}")).isGreaterThan(open);
  }

  @Test
  void everyResponseCarriesARequestId() throws Exception {
    HttpResponse<String> fresh = get("/", null, null);
    assertThat(fresh.headers().firstValue("X-Request-Id").orElse("")).matches("[0-9a-f-]{36}");
    HttpResponse<String> kept = get("/", null, "0A0B0C0D:1F90_6579A3C1_0003:1A2B");
    assertThat(kept.headers().firstValue("X-Request-Id"))
        .contains("0A0B0C0D:1F90_6579A3C1_0003:1A2B");
    HttpResponse<String> replaced = get("/", null, "bad id;<script>");
    assertThat(replaced.headers().firstValue("X-Request-Id").orElse("")).matches("[0-9a-f-]{36}");
  }
}
