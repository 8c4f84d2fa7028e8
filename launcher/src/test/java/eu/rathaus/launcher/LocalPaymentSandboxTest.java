package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eu.rathaus.payments.domain.NotificationSignature;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment sandbox on free ports, with a fake portal receiving its notifications: signed API,
 * the page, the three test cards, retries until the portal answers 2xx, the switch for lost
 * notifications, refunds.
 */
class LocalPaymentSandboxTest {

  private static final byte[] SECRET =
      StackConfig.DEFAULT_PAYMENT_SECRET.getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final NotificationSignature signature = new NotificationSignature(SECRET);
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private LocalPaymentSandbox sandbox;
  private HttpServer portal;
  private int portalPort;

  @BeforeEach
  void start() throws Exception {
    sandbox = LocalPaymentSandbox.start(Ports.freePort(), SECRET);
    portalPort = Ports.freePort();
    portal =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), portalPort), 0);
    portal.createContext(
        "/notify",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          long ts = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Payment-Timestamp"));
          boolean valid =
              signature.verify(
                      ts,
                      body,
                      exchange.getRequestHeaders().getFirst("X-Payment-Signature"),
                      Instant.now())
                  == NotificationSignature.Verdict.VALID;
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
          if (status == 200 && valid) {
            received.add(new String(body, StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    portal.start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
    portal.stop(0);
  }

  private HttpResponse<String> api(String method, String path, String body, boolean sign)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .method(
                method,
                bytes.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (sign) {
      long ts = Instant.now().getEpochSecond();
      request
          .header("X-Payment-Timestamp", Long.toString(ts))
          .header("X-Payment-Signature", signature.sign(ts, bytes));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode openSession(long cents) throws Exception {
    String body =
        "{\"amountCents\":"
            + cents
            + ",\"currency\":\"EUR\",\"reference\":\"RF18MUS2026000001\","
            + "\"description\":\"RF18 MUS2 0260 0000 1\",\"returnUrl\":\"http://localhost:"
            + portalPort
            + "/back\",\"notifyUrl\":\"http://127.0.0.1:"
            + portalPort
            + "/notify\"}";
    HttpResponse<String> created = api("POST", "/api/sessions", body, true);
    assertThat(created.statusCode()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  private HttpResponse<String> pay(String id, String card) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/pay/" + id))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("card=" + card))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String status(String id) throws Exception {
    return JSON.readTree(api("GET", "/api/sessions/" + id, "", true).body())
        .path("status")
        .asText();
  }

  private void awaitNotifications(int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (received.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void refusesUnsignedApiCalls() throws Exception {
    assertThat(api("POST", "/api/sessions", "{\"amountCents\":100}", false).statusCode())
        .isEqualTo(401);
    assertThat(api("GET", "/api/sessions/ps_x", "", false).statusCode()).isEqualTo(401);
  }

  @Test
  void thePageShowsAmountReferenceAndTheTestCardsInGerman() throws Exception {
    JsonNode session = openSession(3000);
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(session.path("pageUrl").asText())).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "lang=\"de\"", "30,00 €", "RF18 MUS2 0260 0000 1", "4242 4242 4242 4242", "Bezahlen")
        .doesNotContain("<script");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'", "form-action 'self' http://localhost:" + portalPort);
  }

  @Test
  void theSuccessCardRedirectsBackAndNotifiesSignedAfterRetries() throws Exception {
    failuresLeft.set(2);
    String id = openSession(3000).path("id").asText();

    HttpResponse<String> paid = pay(id, "success");

    assertThat(paid.statusCode()).isEqualTo(303);
    assertThat(paid.headers().firstValue("Location"))
        .hasValue("http://localhost:" + portalPort + "/back");
    assertThat(status(id)).isEqualTo("PAID");
    awaitNotifications(1);
    assertThat(received)
        .singleElement()
        .satisfies(
            n ->
                assertThat(n)
                    .contains(
                        "\"sessionId\":\"" + id + "\"",
                        "\"status\":\"PAID\"",
                        "\"amountCents\":3000"));
  }

  @Test
  void theFailingCardFailsAndTheDelayedCardSucceedsLater() throws Exception {
    sandbox.delay(Duration.ofMillis(500));
    String failing = openSession(3000).path("id").asText();
    String delayed = openSession(6000).path("id").asText();

    pay(failing, "fail");
    pay(delayed, "delayed");

    assertThat(status(failing)).isEqualTo("FAILED");
    assertThat(status(delayed)).isEqualTo("PROCESSING");
    awaitNotifications(2);
    assertThat(status(delayed)).isEqualTo("PAID");
    assertThat(received).anySatisfy(n -> assertThat(n).contains("\"status\":\"FAILED\""));
  }

  @Test
  void switchedOffItPaysButDoesNotNotify() throws Exception {
    assertThat(api("POST", "/api/control/notifications?enabled=false", "", false).statusCode())
        .isEqualTo(200);
    String id = openSession(3000).path("id").asText();

    pay(id, "success");
    // The signal that nothing is on its way: switched on again, a later payment's notification
    // arrives, and the switched-off one (queued first, had it been queued) has not come before it.
    assertThat(api("POST", "/api/control/notifications?enabled=true", "", false).statusCode())
        .isEqualTo(200);
    String later = openSession(3000).path("id").asText();
    pay(later, "success");
    awaitNotifications(1);

    assertThat(status(id)).isEqualTo("PAID");
    assertThat(received)
        .singleElement()
        .satisfies(n -> assertThat(n).contains(later).doesNotContain(id));
  }

  @Test
  void refundsPaidMoneyOnlyUpToTheAmount() throws Exception {
    String id = openSession(3000).path("id").asText();
    assertThat(
            api("POST", "/api/sessions/" + id + "/refunds", "{\"amountCents\":100}", true)
                .statusCode())
        .isEqualTo(409);
    pay(id, "success");

    assertThat(
            api("POST", "/api/sessions/" + id + "/refunds", "{\"amountCents\":1000}", true)
                .statusCode())
        .isEqualTo(201);
    assertThat(
            api("POST", "/api/sessions/" + id + "/refunds", "{\"amountCents\":2001}", true)
                .statusCode())
        .isEqualTo(409);
    assertThat(status(id)).isEqualTo("REFUNDED");
  }
}
