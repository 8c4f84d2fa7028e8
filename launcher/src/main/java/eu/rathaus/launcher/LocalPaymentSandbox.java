package eu.rathaus.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.rathaus.payments.domain.NotificationSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hosted payment page provider for local runs and tests, speaking the portal's hosted page
 * protocol (README, "Zahlungs-Sandbox"): sessions opened over a signed JSON API, a German payment
 * page with test cards, a signed server-to-server notification (retried until the portal answers
 * 2xx), a status API for the portal's poll, and refunds.
 *
 * <p>It exists so that the whole payment flow — including the parts real providers make hard to
 * test: lost notifications, delayed settlement, refused signatures — runs for real on a developer's
 * machine without any contract with a payment company. It never sees real card data: the "cards"
 * are three fixed choices.
 */
public final class LocalPaymentSandbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPaymentSandbox.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String TIMESTAMP = "X-Payment-Timestamp";
  static final String SIGNATURE = "X-Payment-Signature";
  static final int MAX_NOTIFY_ATTEMPTS = 8;

  /** The test cards: number as printed, what happens, label on the page. */
  enum Card {
    SUCCESS("4242 4242 4242 4242", "Zahlung gelingt sofort"),
    FAIL("4000 0000 0000 0002", "Zahlung wird abgelehnt"),
    DELAYED("4000 0000 0000 3220", "Zahlung gelingt erst nach einer Verzögerung");

    final String number;
    final String label;

    Card(String number, String label) {
      this.number = number;
      this.label = label;
    }
  }

  /** One payment session; mutable state guarded by the session's monitor. */
  static final class Session {
    final String id;
    final long amountCents;
    final String currency;
    final String reference;
    final String description;
    final URI returnUrl;
    final URI notifyUrl;
    String status = "OPEN";
    long refundedCents;

    Session(
        String id,
        long amountCents,
        String currency,
        String reference,
        String description,
        URI returnUrl,
        URI notifyUrl) {
      this.id = id;
      this.amountCents = amountCents;
      this.currency = currency;
      this.reference = reference;
      this.description = description;
      this.returnUrl = returnUrl;
      this.notifyUrl = notifyUrl;
    }
  }

  private final HttpServer http;
  private final int port;
  private final NotificationSignature signature;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicBoolean notifications = new AtomicBoolean(true);
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "payment-sandbox-jobs");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile Duration delay = Duration.ofSeconds(20);

  private LocalPaymentSandbox(HttpServer http, int port, byte[] secret) {
    this.http = http;
    this.port = port;
    this.signature = new NotificationSignature(secret);
  }

  /**
   * Starts on {@code 127.0.0.1:port}, sharing {@code secret} (at least 32 bytes) with the portal.
   */
  public static LocalPaymentSandbox start(int port, byte[] secret) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      LocalPaymentSandbox sandbox = new LocalPaymentSandbox(http, port, secret);
      http.createContext("/", sandbox::handle);
      http.setExecutor(
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "payment-sandbox");
                t.setDaemon(true);
                return t;
              }));
      http.start();
      return sandbox;
    } catch (IOException | RuntimeException e) {
      throw new StackException(
          "Die Zahlungs-Sandbox konnte nicht starten / the payment sandbox could not start on"
              + " port "
              + port
              + ": "
              + e.getMessage(),
          e);
    }
  }

  public static LocalPaymentSandbox start(StackConfig config) {
    return start(
        config.paymentSandboxPort(), config.paymentSecret().getBytes(StandardCharsets.UTF_8));
  }

  /** The base URL browsers and the portal use. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Switches the server-to-server notifications off (a lost notification) or on again. */
  public void sendNotifications(boolean enabled) {
    notifications.set(enabled);
  }

  /** How long the delayed test card takes to succeed (20 s by default). */
  public void delay(Duration value) {
    delay = value;
  }

  @Override
  public void close() {
    http.stop(0);
    scheduler.shutdownNow();
  }

  // ---- routing
  // -------------------------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/");
      if (path.equals("/api/sessions") && method.equals("POST")) {
        createSession(exchange);
      } else if (parts.length == 4 && path.startsWith("/api/sessions/") && method.equals("GET")) {
        status(exchange, parts[3]);
      } else if (parts.length == 5
          && path.startsWith("/api/sessions/")
          && parts[4].equals("refunds")
          && method.equals("POST")) {
        refund(exchange, parts[3]);
      } else if (path.equals("/api/control/notifications") && method.equals("POST")) {
        control(exchange);
      } else if (parts.length == 3 && path.startsWith("/pay/") && method.equals("GET")) {
        page(exchange, parts[2]);
      } else if (parts.length == 3 && path.startsWith("/pay/") && method.equals("POST")) {
        pay(exchange, parts[2]);
      } else if (path.equals("/sandbox.css")) {
        sendBytes(
            exchange, 200, "text/css; charset=utf-8", CSS.getBytes(StandardCharsets.UTF_8), null);
      } else if (path.equals("/")) {
        sendHtml(
            exchange,
            200,
            html(
                "Zahlungs-Sandbox",
                "<p>Diese lokale Sandbox spielt einen Zahlungsanbieter."
                    + " Zahlungen beginnen im Portal.</p>"),
            null);
      } else {
        sendHtml(exchange, 404, html("Nicht gefunden", "<p>Diese Seite gibt es nicht.</p>"), null);
      }
    } catch (RuntimeException e) {
      LOG.warn("Payment sandbox request failed: {}", e.toString());
      sendJson(exchange, 400, JSON.createObjectNode().put("error", "bad request"));
    } finally {
      exchange.close();
    }
  }

  // ---- API
  // -----------------------------------------------------------------------------------------------------

  private void createSession(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (!authentic(exchange, body)) {
      sendJson(exchange, 401, JSON.createObjectNode().put("error", "signature"));
      return;
    }
    JsonNode request = JSON.readTree(body);
    long amount = request.path("amountCents").asLong();
    String currency = request.path("currency").asText();
    URI returnUrl = httpUri(request.path("returnUrl").asText());
    URI notifyUrl = httpUri(request.path("notifyUrl").asText());
    String reference = request.path("reference").asText();
    if (amount <= 0
        || !"EUR".equals(currency)
        || reference.isBlank()
        || returnUrl == null
        || notifyUrl == null) {
      sendJson(exchange, 422, JSON.createObjectNode().put("error", "invalid session request"));
      return;
    }
    String id = "ps_" + UUID.randomUUID().toString().replace("-", "");
    Session session =
        new Session(
            id,
            amount,
            currency,
            reference,
            request.path("description").asText(reference),
            returnUrl,
            notifyUrl);
    sessions.put(id, session);
    LOG.info("Payment session {} opened for {} ct", id, amount);
    sendJson(
        exchange,
        201,
        JSON.createObjectNode()
            .put("id", id)
            .put("pageUrl", baseUrl() + "/pay/" + id)
            .put("status", "OPEN"));
  }

  private void status(HttpExchange exchange, String id) throws IOException {
    Session session = authenticSession(exchange, exchange.getRequestBody().readAllBytes(), id);
    if (session == null) {
      return;
    }
    synchronized (session) {
      sendJson(exchange, 200, describe(session));
    }
  }

  private void refund(HttpExchange exchange, String id) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Session session = authenticSession(exchange, body, id);
    if (session == null) {
      return;
    }
    long amount = JSON.readTree(body).path("amountCents").asLong();
    synchronized (session) {
      boolean paid = session.status.equals("PAID") || session.status.equals("REFUNDED");
      if (!paid || amount <= 0 || amount > session.amountCents - session.refundedCents) {
        sendJson(exchange, 409, JSON.createObjectNode().put("error", "not refundable"));
        return;
      }
      session.refundedCents += amount;
      session.status = "REFUNDED";
    }
    String refundId = "rf_" + UUID.randomUUID().toString().replace("-", "");
    LOG.info("Payment session {}: {} ct refunded ({})", id, amount, refundId);
    sendJson(
        exchange,
        201,
        JSON.createObjectNode()
            .put("id", refundId)
            .put("status", "DONE")
            .put("amountCents", amount));
  }

  /**
   * {@code POST /api/control/notifications?enabled=false}: a test switch, reachable from this
   * machine only.
   */
  private void control(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    boolean enabled = query == null || !query.contains("enabled=false");
    notifications.set(enabled);
    LOG.info("Payment sandbox notifications {}", enabled ? "on" : "off");
    sendJson(exchange, 200, JSON.createObjectNode().put("notifications", enabled));
  }

  /**
   * The session of a signed API call, or null after answering 401 (bad signature) or 404 (unknown
   * id).
   */
  private Session authenticSession(HttpExchange exchange, byte[] body, String id)
      throws IOException {
    if (!authentic(exchange, body)) {
      sendJson(exchange, 401, JSON.createObjectNode().put("error", "signature"));
      return null;
    }
    Session session = sessions.get(id);
    if (session == null) {
      sendJson(exchange, 404, JSON.createObjectNode().put("error", "unknown session"));
    }
    return session;
  }

  private boolean authentic(HttpExchange exchange, byte[] body) {
    String timestamp = exchange.getRequestHeaders().getFirst(TIMESTAMP);
    String sig = exchange.getRequestHeaders().getFirst(SIGNATURE);
    try {
      return signature.verify(Long.parseLong(timestamp), body, sig, Instant.now())
          == NotificationSignature.Verdict.VALID;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static ObjectNode describe(Session session) {
    return JSON.createObjectNode()
        .put("id", session.id)
        .put("status", session.status)
        .put("amountCents", session.amountCents)
        .put("currency", session.currency)
        .put("reference", session.reference)
        .put("refundedCents", session.refundedCents);
  }

  // ---- the page
  // --------------------------------------------------------------------------------------------------

  private void page(HttpExchange exchange, String id) throws IOException {
    Session session = sessions.get(id);
    if (session == null) {
      sendHtml(
          exchange,
          404,
          html("Zahlung nicht gefunden", "<p>Diese Zahlung gibt es nicht (mehr).</p>"),
          null);
      return;
    }
    String status;
    synchronized (session) {
      status = session.status;
    }
    StringBuilder content = new StringBuilder();
    content
        .append("<dl>")
        .append("<dt>Betrag</dt><dd id=\"amount\">")
        .append(euros(session.amountCents))
        .append("</dd>")
        .append("<dt>Kassenzeichen</dt><dd id=\"reference\">")
        .append(MailCatcher.escape(session.description))
        .append("</dd></dl>");
    if (!status.equals("OPEN") && !status.equals("FAILED")) {
      content
          .append("<p id=\"done\">Diese Zahlung ist bereits abgeschlossen.</p>")
          .append("<p><a href=\"")
          .append(MailCatcher.escape(session.returnUrl.toString()))
          .append("\">Zurück zum Portal</a></p>");
    } else {
      content
          .append("<form method=\"post\" action=\"/pay/")
          .append(id)
          .append("\">")
          .append("<fieldset><legend>Testkarte wählen</legend>");
      for (Card card : Card.values()) {
        String value = card.name().toLowerCase(Locale.ROOT);
        content
            .append("<div class=\"choice\"><input type=\"radio\" name=\"card\" id=\"card-")
            .append(value)
            .append("\" value=\"")
            .append(value)
            .append("\"")
            .append(card == Card.SUCCESS ? " checked" : "")
            .append(">")
            .append("<label for=\"card-")
            .append(value)
            .append("\">")
            .append(card.number)
            .append(" – ")
            .append(card.label)
            .append(card == Card.DELAYED ? " (" + delay.toSeconds() + " Sekunden)" : "")
            .append("</label></div>");
      }
      content
          .append("</fieldset><p><button type=\"submit\" id=\"pay\">Bezahlen</button> ")
          .append("<a id=\"cancel\" href=\"")
          .append(MailCatcher.escape(session.returnUrl.toString()))
          .append("\">Abbrechen und zurück zum Portal</a></p></form>");
    }
    sendHtml(
        exchange, 200, html("Zahlung – Sandbox", content.toString()), origin(session.returnUrl));
  }

  private void pay(HttpExchange exchange, String id) throws IOException {
    Session session = sessions.get(id);
    if (session == null) {
      sendHtml(
          exchange,
          404,
          html("Zahlung nicht gefunden", "<p>Diese Zahlung gibt es nicht (mehr).</p>"),
          null);
      return;
    }
    Card card =
        switch (form(exchange).getOrDefault("card", "")) {
          case "fail" -> Card.FAIL;
          case "delayed" -> Card.DELAYED;
          default -> Card.SUCCESS;
        };
    synchronized (session) {
      if (session.status.equals("OPEN") || session.status.equals("FAILED")) {
        switch (card) {
          case SUCCESS -> settle(session, "PAID");
          case FAIL -> settle(session, "FAILED");
          case DELAYED -> {
            session.status = "PROCESSING";
            scheduler.schedule(
                () -> {
                  synchronized (session) {
                    settle(session, "PAID");
                  }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
          }
        }
      }
    }
    exchange.getResponseHeaders().set("Location", session.returnUrl.toString());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(303, -1);
  }

  /** Sets the final status (caller holds the session's monitor) and queues the notification. */
  private void settle(Session session, String status) {
    session.status = status;
    LOG.info("Payment session {} is {}", session.id, status);
    if (!notifications.get()) {
      LOG.info("Notification for {} not sent (switched off)", session.id);
      return;
    }
    byte[] body =
        JSON.createObjectNode()
            .put("notificationId", "nt_" + session.id + "_" + status)
            .put("sessionId", session.id)
            .put("reference", session.reference)
            .put("status", status)
            .put("amountCents", session.amountCents)
            .put("currency", session.currency)
            .put("occurredAt", Instant.now().toString())
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    scheduler.execute(() -> notify(session.notifyUrl, body, 1));
  }

  /**
   * Sends a notification; retries with growing pauses (1, 2, 4 … 60 s) until the portal answers
   * 2xx.
   */
  private void notify(URI target, byte[] body, int attempt) {
    long seconds = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(TIMESTAMP, Long.toString(seconds))
            .header(SIGNATURE, signature.sign(seconds, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    int status;
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      status = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (status >= 200 && status < 300) {
      LOG.info("Notification delivered to {} (attempt {})", target, attempt);
    } else if (attempt < MAX_NOTIFY_ATTEMPTS) {
      long pause = Math.min(60, 1L << (attempt - 1));
      LOG.info("Notification to {} answered {}, retry in {} s", target, status, pause);
      scheduler.schedule(() -> notify(target, body, attempt + 1), pause, TimeUnit.SECONDS);
    } else {
      LOG.warn("Notification to {} given up after {} attempts", target, attempt);
    }
  }

  // ---- helpers
  // ---------------------------------------------------------------------------------------------------

  static String euros(long cents) {
    return String.format(Locale.GERMANY, "%,d,%02d €", cents / 100, cents % 100);
  }

  private static URI httpUri(String text) {
    try {
      URI uri = URI.create(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
              && uri.getHost() != null
          ? uri
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    Map<String, String> values = new HashMap<>();
    try (InputStream in = exchange.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }

  private static String html(String title, String content) {
    return "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + MailCatcher.escape(title)
        + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"/sandbox.css\">\n"
        + "</head>\n<body>\n<header><p class=\"brand\">Zahlungs-Sandbox (nur Test, kein echtes Geld)</p></header>\n"
        + "<main>\n<h1>"
        + MailCatcher.escape(title)
        + "</h1>\n"
        + content
        + "\n</main>\n</body>\n</html>\n";
  }

  private static final String CSS =
      "body{font-family:sans-serif;margin:0;color:#1a1a1a;background:#fff}"
          + "header{background:#0b3d6b;color:#fff;padding:.75rem 1rem}header .brand{margin:0;font-weight:bold}"
          + "main{max-width:40rem;margin:1rem auto;padding:0 1rem}dt{font-weight:bold}dd{margin:0 0 .5rem 0}"
          + "fieldset{border:1px solid #555;padding:.5rem 1rem}.choice{margin:.5rem 0}"
          + "button{background:#0b3d6b;color:#fff;border:0;padding:.6rem 1.2rem;font-size:1rem;cursor:pointer}"
          + "button:focus,a:focus,input:focus{outline:3px solid #e0a100;outline-offset:2px}a{color:#0b3d6b}";

  private static void sendHtml(HttpExchange exchange, int status, String html, String formTarget)
      throws IOException {
    sendBytes(
        exchange,
        status,
        "text/html; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8),
        formTarget);
  }

  private static void sendJson(HttpExchange exchange, int status, ObjectNode json)
      throws IOException {
    sendBytes(
        exchange,
        status,
        "application/json",
        json.toString().getBytes(StandardCharsets.UTF_8),
        null);
  }

  /**
   * No scripts at all; the form may post to the sandbox and (after its redirect) land on the
   * portal, whose origin {@code formTarget} names, because browsers check form-action on redirects
   * too.
   */
  private static void sendBytes(
      HttpExchange exchange, int status, String type, byte[] bytes, String formTarget)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; "
                + "form-action 'self'"
                + (formTarget == null ? "" : " " + formTarget)
                + "; frame-ancestors 'none'; base-uri 'none'");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
