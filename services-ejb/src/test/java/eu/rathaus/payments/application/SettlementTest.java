package eu.rathaus.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.payments.domain.PaymentEvent;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.webhooks.application.WebhookEvents;
import eu.rathaus.webhooks.domain.WebhookEventType;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules by which provider statements (notification, poll) change a payment. */
class SettlementTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final List<PaymentEvent> events = new ArrayList<>();
  private final List<AuditEvent> audits = new ArrayList<>();
  private final Settlement settlement = new Settlement();
  private final List<String> webhookEvents = new ArrayList<>();

  @BeforeEach
  void wire() {
    // A paid payment queues payment.settled for the municipality's webhooks.
    settlement.webhooks =
        new WebhookEvents() {
          @Override
          public int raise(UUID municipalityId, WebhookEventType type, Map<String, Object> data) {
            webhookEvents.add(type.wireName() + " " + data.get("amountCents"));
            return 0;
          }
        };
    // Only addEvent is used by Settlement; any other call would be a bug and fails the test.
    settlement.payments =
        (PaymentRepository)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PaymentRepository.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("addEvent")) {
                    events.add((PaymentEvent) args[0]);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    settlement.audit =
        (AuditLog)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("record")) {
                    audits.add((AuditEvent) args[0]);
                    return (long) audits.size();
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
  }

  private static PaymentRequest request(PaymentState state) {
    PaymentRequest p =
        new PaymentRequest(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "erika",
            PaymentReference.of("MUS", 2026, 7),
            3000,
            LocalDate.of(2026, 12, 11),
            NOW);
    if (state != PaymentState.OPEN) {
      p.moveTo(PaymentState.PENDING, "T", null, "TEST", null, "t", null, NOW);
    }
    if (state != PaymentState.OPEN && state != PaymentState.PENDING) {
      p.moveTo(state, "T", null, "TEST", null, "t", null, NOW);
    }
    return p;
  }

  private Settlement.Result apply(PaymentRequest p, PaymentProvider.Outcome outcome, long cents) {
    return settlement.apply(p, outcome, cents, "PROVIDER:hosted", "nt_1", "provider:hosted", NOW);
  }

  @Test
  void pendingBecomesPaidWithEventAndAudit() {
    PaymentRequest p = request(PaymentState.PENDING);

    assertThat(apply(p, PaymentProvider.Outcome.PAID, 3000)).isEqualTo(Settlement.Result.BOOKED);

    assertThat(p.state()).isEqualTo(PaymentState.PAID);
    assertThat(p.paidCents()).isEqualTo(3000);
    assertThat(events).extracting(PaymentEvent::kind).containsExactly("PROVIDER_PAID");
    assertThat(events.get(0).externalId()).isEqualTo("nt_1");
    assertThat(audits)
        .singleElement()
        .satisfies(a -> assertThat(a.action()).isEqualTo("payment.provider_paid"));
    assertThat(webhookEvents).containsExactly("payment.settled 3000");
  }

  @Test
  void aWrongAmountChangesNothing() {
    PaymentRequest p = request(PaymentState.PENDING);

    assertThat(apply(p, PaymentProvider.Outcome.PAID, 2999))
        .isEqualTo(Settlement.Result.AMOUNT_MISMATCH);

    assertThat(p.state()).isEqualTo(PaymentState.PENDING);
    assertThat(events).isEmpty();
    assertThat(audits).isEmpty();
    assertThat(webhookEvents).isEmpty();
  }

  @Test
  void aSettledPaymentStaysSettled() {
    PaymentRequest p = request(PaymentState.PAID);

    assertThat(apply(p, PaymentProvider.Outcome.PAID, 3000)).isEqualTo(Settlement.Result.UNCHANGED);
    assertThat(apply(p, PaymentProvider.Outcome.FAILED, 3000))
        .isEqualTo(Settlement.Result.UNCHANGED);

    assertThat(p.state()).isEqualTo(PaymentState.PAID);
    assertThat(events).isEmpty();
  }

  @Test
  void aLatePaymentAfterAFailedTryGoesBackThroughPending() {
    PaymentRequest p = request(PaymentState.FAILED);

    assertThat(apply(p, PaymentProvider.Outcome.PAID, 3000)).isEqualTo(Settlement.Result.BOOKED);

    assertThat(events)
        .extracting(PaymentEvent::toState)
        .containsExactly(PaymentState.PENDING, PaymentState.PAID);
  }

  @Test
  void moneyForAnExpiredRequestIsNotBooked() {
    PaymentRequest p = request(PaymentState.EXPIRED);

    assertThat(apply(p, PaymentProvider.Outcome.PAID, 3000))
        .isEqualTo(Settlement.Result.NOT_ALLOWED);
    assertThat(apply(p, PaymentProvider.Outcome.FAILED, 3000))
        .isEqualTo(Settlement.Result.NOT_ALLOWED);

    assertThat(p.state()).isEqualTo(PaymentState.EXPIRED);
  }

  @Test
  void aDeclinedCardFailsAPendingPaymentAndAStillOpenSessionChangesNothing() {
    PaymentRequest p = request(PaymentState.PENDING);

    assertThat(apply(p, PaymentProvider.Outcome.PENDING, 3000))
        .isEqualTo(Settlement.Result.UNCHANGED);
    assertThat(apply(p, PaymentProvider.Outcome.FAILED, 3000)).isEqualTo(Settlement.Result.BOOKED);

    assertThat(p.state()).isEqualTo(PaymentState.FAILED);
  }
}
