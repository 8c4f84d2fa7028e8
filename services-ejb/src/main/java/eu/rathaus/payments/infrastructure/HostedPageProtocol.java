package eu.rathaus.payments.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.payments.application.PaymentProvider;
import eu.rathaus.payments.application.PaymentProviderException;
import eu.rathaus.payments.domain.NotificationSignature;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The wire format of the hosted payment page protocol (see the README, "Bezahlen"), kept apart from
 * the HTTP transport so that every mapping and every signature rule is unit-testable: JSON bodies,
 * headers {@value #TIMESTAMP} (epoch seconds) and {@value #SIGNATURE} (hex HMAC-SHA256 over {@code
 * <timestamp>.<exact body>}) in both directions.
 */
public final class HostedPageProtocol {

  public static final String TIMESTAMP = "X-Payment-Timestamp";
  public static final String SIGNATURE = "X-Payment-Signature";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationSignature signature;

  public HostedPageProtocol(byte[] secret) {
    this.signature = new NotificationSignature(secret);
  }

  /** Body of {@code POST /api/sessions}. */
  public static byte[] sessionRequest(PaymentProvider.SessionRequest request) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("amountCents", request.amountCents())
            .put("currency", request.currency())
            .put("reference", request.reference())
            .put("description", request.description())
            .put("returnUrl", request.returnUrl().toString())
            .put("notifyUrl", request.notifyUrl().toString());
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the answer of {@code POST /api/sessions}. */
  public static PaymentProvider.HostedSession session(byte[] body) {
    JsonNode node = read(body);
    String id = text(node, "id");
    String page = text(node, "pageUrl");
    return new PaymentProvider.HostedSession(id, URI.create(page));
  }

  /** Reads the answer of {@code GET /api/sessions/{id}}. */
  public static PaymentProvider.ProviderStatus status(byte[] body) {
    JsonNode node = read(body);
    return new PaymentProvider.ProviderStatus(
        text(node, "id"),
        outcome(text(node, "status")),
        node.path("amountCents").asLong(),
        text(node, "currency"),
        text(node, "reference"));
  }

  /** Body of {@code POST /api/sessions/{id}/refunds}. */
  public static byte[] refundRequest(long cents, String reason) {
    return JSON.createObjectNode()
        .put("amountCents", cents)
        .put("reason", reason)
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the answer of {@code POST /api/sessions/{id}/refunds}. */
  public static PaymentProvider.ProviderRefund refund(byte[] body) {
    JsonNode node = read(body);
    return new PaymentProvider.ProviderRefund(
        text(node, "id"), "DONE".equals(node.path("status").asText()));
  }

  /** The two signature headers for a request body sent at {@code now}. */
  public Map<String, String> sign(byte[] body, Instant now) {
    long seconds = now.getEpochSecond();
    return Map.of(TIMESTAMP, Long.toString(seconds), SIGNATURE, signature.sign(seconds, body));
  }

  /**
   * Verifies a notification over the raw bytes, and only then parses it.
   *
   * @param headers names in lower case
   */
  public PaymentProvider.NotificationCheck verify(
      Map<String, String> headers, byte[] body, Instant now) {
    String timestamp = headers.get(TIMESTAMP.toLowerCase(Locale.ROOT));
    String sig = headers.get(SIGNATURE.toLowerCase(Locale.ROOT));
    long seconds;
    try {
      seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
    } catch (NumberFormatException e) {
      return PaymentProvider.NotificationCheck.refused(PaymentProvider.Verdict.BAD_SIGNATURE);
    }
    NotificationSignature.Verdict verdict = signature.verify(seconds, body, sig, now);
    if (verdict == NotificationSignature.Verdict.STALE) {
      return PaymentProvider.NotificationCheck.refused(PaymentProvider.Verdict.STALE);
    }
    if (verdict != NotificationSignature.Verdict.VALID) {
      return PaymentProvider.NotificationCheck.refused(PaymentProvider.Verdict.BAD_SIGNATURE);
    }
    try {
      JsonNode node = read(body);
      JsonNode amount = node.get("amountCents");
      if (amount == null || !amount.canConvertToLong()) {
        throw new PaymentProviderException("amountCents missing");
      }
      PaymentProvider.Outcome outcome = outcome(text(node, "status"));
      return new PaymentProvider.NotificationCheck(
          PaymentProvider.Verdict.VALID,
          new PaymentProvider.Notification(
              text(node, "notificationId"),
              text(node, "sessionId"),
              text(node, "reference"),
              outcome,
              amount.asLong(),
              text(node, "currency")));
    } catch (PaymentProviderException e) {
      return PaymentProvider.NotificationCheck.refused(PaymentProvider.Verdict.MALFORMED);
    }
  }

  /** Provider status words: OPEN and PROCESSING are still pending for us. */
  static PaymentProvider.Outcome outcome(String status) {
    return switch (status) {
      case "PAID", "REFUNDED" -> PaymentProvider.Outcome.PAID;
      case "FAILED" -> PaymentProvider.Outcome.FAILED;
      case "OPEN", "PROCESSING" -> PaymentProvider.Outcome.PENDING;
      default -> throw new PaymentProviderException("unknown status " + status);
    };
  }

  private static JsonNode read(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new PaymentProviderException("answer is no JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new PaymentProviderException("answer is no JSON", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new PaymentProviderException("field " + field + " missing");
    }
    return value.asText();
  }
}
