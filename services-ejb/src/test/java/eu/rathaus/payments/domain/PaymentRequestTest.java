package eu.rathaus.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentRequestTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private static PaymentRequest request(long cents) {
    return new PaymentRequest(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "subject-1",
        PaymentReference.of("MUS", 2026, 123),
        cents,
        LocalDate.of(2026, 12, 11),
        NOW);
  }

  @Test
  void startsOpenAndRecordsItsOpening() {
    PaymentRequest payment = request(3050);
    assertThat(payment.state()).isEqualTo(PaymentState.OPEN);
    PaymentEvent opened = payment.openedEvent("citizen");
    assertThat(opened.fromState()).isNull();
    assertThat(opened.toState()).isEqualTo(PaymentState.OPEN);
    assertThat(opened.amountCents()).isEqualTo(3050);
    assertThat(payment.referenceValue()).startsWith("RF").endsWith("MUS2026000123");
    assertThat(PaymentReference.parse(payment.referenceValue())).isEqualTo(payment.reference());
  }

  @Test
  void noStateIsSkipped() {
    PaymentRequest payment = request(3050);
    assertThatThrownBy(
            () -> payment.markPaid(3050, "PAID", "PROVIDER:sandbox", "n1", "provider", NOW))
        .isInstanceOf(PaymentTransitionRefused.class);
    assertThat(payment.state()).isEqualTo(PaymentState.OPEN);
    assertThat(payment.paidCents()).isZero();

    PaymentEvent pending =
        payment.moveTo(PaymentState.PENDING, "STARTED", null, "PORTAL", null, "citizen", null, NOW);
    assertThat(pending.fromState()).isEqualTo(PaymentState.OPEN);
    PaymentEvent paid =
        payment.markPaid(3050, "PAID", "PROVIDER:sandbox", "n1", "provider", NOW.plusSeconds(5));
    assertThat(paid.toState()).isEqualTo(PaymentState.PAID);
    assertThat(payment.paidAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(payment.state().isSettled()).isTrue();
  }

  @Test
  void aWrongAmountChangesNothing() {
    PaymentRequest payment = request(3050);
    payment.moveTo(PaymentState.PENDING, "STARTED", null, "PORTAL", null, "citizen", null, NOW);
    assertThatThrownBy(() -> payment.markPaid(3000, "PAID", "CAMT053", "e1", "treasury", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(payment.state()).isEqualTo(PaymentState.PENDING);
    assertThat(payment.paidCents()).isZero();
  }

  @Test
  void failedPaymentsCanBeTriedAgainButEndedOnesCannot() {
    PaymentRequest payment = request(1000);
    payment.moveTo(PaymentState.PENDING, "STARTED", null, "PORTAL", null, "citizen", null, NOW);
    payment.moveTo(
        PaymentState.FAILED, "DECLINED", null, "PROVIDER:sandbox", "n1", "provider", null, NOW);
    payment.moveTo(PaymentState.PENDING, "STARTED", null, "PORTAL", null, "citizen", null, NOW);
    payment.moveTo(PaymentState.EXPIRED, "EXPIRED", null, "PORTAL", null, "system", null, NOW);
    for (PaymentState target : PaymentState.values()) {
      assertThat(payment.state().canMoveTo(target)).isFalse();
    }
    assertThatThrownBy(() -> payment.choose(PaymentMethod.SEPA_TRANSFER, null, null, NOW))
        .isInstanceOf(PaymentTransitionRefused.class);
  }

  @Test
  void refundsArePartialOrFullButNeverMoreThanPaid() {
    PaymentRequest payment = request(3050);
    payment.moveTo(PaymentState.PENDING, "STARTED", null, "PORTAL", null, "citizen", null, NOW);
    payment.markPaid(3050, "PAID", "CAMT053", "e1", "treasury", NOW);
    payment.refund(1000, "PORTAL", null, "treasury", "Teilerstattung", NOW);
    assertThat(payment.state()).isEqualTo(PaymentState.REFUNDED);
    assertThat(payment.refundableCents()).isEqualTo(2050);
    assertThatThrownBy(() -> payment.refund(2051, "PORTAL", null, "treasury", "zu viel", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    payment.refund(2050, "PORTAL", null, "treasury", "Rest", NOW);
    assertThat(payment.refundedCents()).isEqualTo(3050);
    assertThatThrownBy(() -> payment.refund(1, "PORTAL", null, "treasury", "nichts mehr", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyPaidMoneyCanBeRefunded() {
    PaymentRequest payment = request(3050);
    assertThatThrownBy(() -> payment.refund(1, "PORTAL", null, "treasury", "x", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            EnumSet.allOf(PaymentState.class).stream()
                .filter(s -> s.canMoveTo(PaymentState.REFUNDED)))
        .containsExactlyInAnyOrder(PaymentState.PAID, PaymentState.REFUNDED);
  }
}
