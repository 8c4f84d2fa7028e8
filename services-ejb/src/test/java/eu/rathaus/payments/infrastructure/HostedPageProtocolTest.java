package eu.rathaus.payments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.payments.application.PaymentProvider;
import eu.rathaus.payments.application.PaymentProviderException;
import eu.rathaus.payments.domain.NotificationSignature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hosted page protocol's mapping and the checks on incoming notifications. */
class HostedPageProtocolTest {

  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final String PAID =
      "{\"notificationId\":\"nt_1\",\"sessionId\":\"ps_1\",\"reference\":\"RF18MUS2026000001\",\"status\":\"PAID\","
          + "\"amountCents\":3000,\"currency\":\"EUR\"}";

  private final HostedPageProtocol protocol = new HostedPageProtocol(SECRET);

  private static Map<String, String> headers(long seconds, String signature) {
    Map<String, String> headers = new HashMap<>();
    headers.put("x-payment-timestamp", Long.toString(seconds));
    headers.put("x-payment-signature", signature);
    return headers;
  }

  private Map<String, String> signed(String body, Instant at) {
    long seconds = at.getEpochSecond();
    return headers(
        seconds,
        new NotificationSignature(SECRET).sign(seconds, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writesTheSessionRequest() {
    String body =
        new String(
            HostedPageProtocol.sessionRequest(
                new PaymentProvider.SessionRequest(
                    "RF18MUS2026000001",
                    3000,
                    "EUR",
                    "RF18 MUS2 0260 0000 1",
                    URI.create("http://localhost/back"),
                    URI.create("http://localhost/notify"))),
            StandardCharsets.UTF_8);

    assertThat(body)
        .contains(
            "\"amountCents\":3000",
            "\"currency\":\"EUR\"",
            "\"reference\":\"RF18MUS2026000001\"",
            "\"returnUrl\":\"http://localhost/back\"",
            "\"notifyUrl\":\"http://localhost/notify\"");
  }

  @Test
  void readsSessionStatusAndRefundAnswers() {
    PaymentProvider.HostedSession session =
        HostedPageProtocol.session(
            "{\"id\":\"ps_1\",\"pageUrl\":\"http://localhost:8480/pay/ps_1\",\"status\":\"OPEN\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(session.providerPaymentId()).isEqualTo("ps_1");
    assertThat(session.redirectUrl()).hasToString("http://localhost:8480/pay/ps_1");

    PaymentProvider.ProviderStatus status =
        HostedPageProtocol.status(
            "{\"id\":\"ps_1\",\"status\":\"PROCESSING\",\"amountCents\":3000,\"currency\":\"EUR\",\"reference\":\"RF18MUS2026000001\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(status.outcome()).isEqualTo(PaymentProvider.Outcome.PENDING);
    assertThat(status.amountCents()).isEqualTo(3000);

    assertThat(
            HostedPageProtocol.refund(
                "{\"id\":\"rf_1\",\"status\":\"DONE\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new PaymentProvider.ProviderRefund("rf_1", true));
  }

  @Test
  void refusesAnswersWithoutTheNeededFields() {
    assertThatThrownBy(
            () -> HostedPageProtocol.session("{\"id\":\"ps_1\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PaymentProviderException.class);
    assertThatThrownBy(() -> HostedPageProtocol.status("no json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PaymentProviderException.class);
    assertThatThrownBy(() -> HostedPageProtocol.outcome("MAYBE"))
        .isInstanceOf(PaymentProviderException.class);
  }

  @Test
  void acceptsAValidNotification() {
    PaymentProvider.NotificationCheck check =
        protocol.verify(signed(PAID, NOW), PAID.getBytes(StandardCharsets.UTF_8), NOW);

    assertThat(check.verdict()).isEqualTo(PaymentProvider.Verdict.VALID);
    assertThat(check.notification())
        .isEqualTo(
            new PaymentProvider.Notification(
                "nt_1", "ps_1", "RF18MUS2026000001", PaymentProvider.Outcome.PAID, 3000, "EUR"));
  }

  @Test
  void refusesAChangedBodyAWrongSecretAndMissingHeaders() {
    Map<String, String> headers = signed(PAID, NOW);
    byte[] changed = PAID.replace("3000", "300").getBytes(StandardCharsets.UTF_8);
    assertThat(protocol.verify(headers, changed, NOW).verdict())
        .isEqualTo(PaymentProvider.Verdict.BAD_SIGNATURE);

    byte[] otherSecret = "another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    long seconds = NOW.getEpochSecond();
    Map<String, String> forged =
        headers(
            seconds,
            new NotificationSignature(otherSecret)
                .sign(seconds, PAID.getBytes(StandardCharsets.UTF_8)));
    assertThat(protocol.verify(forged, PAID.getBytes(StandardCharsets.UTF_8), NOW).verdict())
        .isEqualTo(PaymentProvider.Verdict.BAD_SIGNATURE);

    assertThat(protocol.verify(Map.of(), PAID.getBytes(StandardCharsets.UTF_8), NOW).verdict())
        .isEqualTo(PaymentProvider.Verdict.BAD_SIGNATURE);
  }

  @Test
  void refusesAReplayedOldNotification() {
    Instant tenMinutesAgo = NOW.minusSeconds(600);

    assertThat(
            protocol
                .verify(signed(PAID, tenMinutesAgo), PAID.getBytes(StandardCharsets.UTF_8), NOW)
                .verdict())
        .isEqualTo(PaymentProvider.Verdict.STALE);
  }

  @Test
  void aSignedButUnreadableBodyIsMalformed() {
    String body = "{\"notificationId\":\"nt_1\",\"status\":\"PAID\"}";

    assertThat(
            protocol
                .verify(signed(body, NOW), body.getBytes(StandardCharsets.UTF_8), NOW)
                .verdict())
        .isEqualTo(PaymentProvider.Verdict.MALFORMED);
  }

  @Test
  void signsRequestsTheWayItVerifies() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> sent = protocol.sign(body, NOW);

    assertThat(
            new NotificationSignature(SECRET)
                .verify(
                    Long.parseLong(sent.get(HostedPageProtocol.TIMESTAMP)),
                    body,
                    sent.get(HostedPageProtocol.SIGNATURE),
                    NOW))
        .isEqualTo(NotificationSignature.Verdict.VALID);
  }
}
