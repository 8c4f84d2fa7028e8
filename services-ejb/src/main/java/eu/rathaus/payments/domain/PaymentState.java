package eu.rathaus.payments.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment request stands. The allowed moves are written down here once, so that no path in
 * the code (a provider notification, the status poll, a bank statement, a clerk) can skip a state:
 * money is only ever "paid" after it was "pending", and only paid money can be refunded.
 *
 * <pre>
 * OPEN ──► PENDING ──► PAID ──► REFUNDED (full or partial; further partial refunds stay REFUNDED)
 *  │         │ ▲
 *  │         ▼ │ (another try)
 *  │       FAILED
 *  └──► EXPIRED / CANCELLED (also from PENDING and FAILED)
 * </pre>
 */
public enum PaymentState {
  OPEN,
  PENDING,
  PAID,
  FAILED,
  EXPIRED,
  CANCELLED,
  REFUNDED;

  /** The states this one may move to. */
  public Set<PaymentState> next() {
    return switch (this) {
      case OPEN -> EnumSet.of(PENDING, EXPIRED, CANCELLED);
      case PENDING -> EnumSet.of(PAID, FAILED, EXPIRED, CANCELLED);
      case FAILED -> EnumSet.of(PENDING, EXPIRED, CANCELLED);
      case PAID -> EnumSet.of(REFUNDED);
      case REFUNDED -> EnumSet.of(REFUNDED);
      case EXPIRED, CANCELLED -> EnumSet.noneOf(PaymentState.class);
    };
  }

  public boolean canMoveTo(PaymentState target) {
    return next().contains(target);
  }

  /** Money has arrived (and may since have been given back in part or in full). */
  public boolean isSettled() {
    return this == PAID || this == REFUNDED;
  }

  /** The citizen can still pay (start or retry). */
  public boolean isPayable() {
    return this == OPEN || this == FAILED || this == PENDING;
  }
}
