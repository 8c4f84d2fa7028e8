package eu.rathaus.payments.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.payments.domain.PaymentEvent;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.webhooks.application.WebhookEvents;
import eu.rathaus.webhooks.domain.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Books what a provider said about a hosted payment — from a notification or from the poll — on a
 * payment request the caller has locked, inside the caller's transaction. One place for the rules,
 * so a notification and the poll can never disagree: only PENDING becomes PAID or FAILED, the
 * amount must match to the cent, and a settled payment stays settled.
 */
@ApplicationScoped
public class Settlement {

  /** What became of a provider's statement. */
  public enum Result {
    /** State changed, event and audit entry written. */
    BOOKED,
    /** Nothing to do: already in that state (a late or repeated signal). */
    UNCHANGED,
    /** Refused: the amount does not match the request. Nothing changed. */
    AMOUNT_MISMATCH,
    /** Refused: the request's state does not allow it (expired, cancelled). Nothing changed. */
    NOT_ALLOWED
  }

  @Inject PaymentRepository payments;
  @Inject AuditLog audit;
  @Inject WebhookEvents webhooks;

  public Result apply(
      PaymentRequest payment,
      PaymentProvider.Outcome outcome,
      long amountCents,
      String source,
      String externalId,
      String actor,
      Instant now) {
    switch (outcome) {
      case PAID -> {
        if (amountCents != payment.amountCents()) {
          return Result.AMOUNT_MISMATCH;
        }
        if (payment.state().isSettled()) {
          return Result.UNCHANGED;
        }
        if (payment.state() == PaymentState.FAILED) {
          // The citizen's earlier try failed, a later one at the same provider went through.
          book(
              payment,
              payment.moveTo(
                  PaymentState.PENDING, "PROVIDER_RETRIED", null, source, null, actor, null, now));
        }
        if (payment.state() != PaymentState.PENDING) {
          return Result.NOT_ALLOWED;
        }
        book(
            payment,
            payment.markPaid(amountCents, "PROVIDER_PAID", source, externalId, actor, now));
        return Result.BOOKED;
      }
      case FAILED -> {
        if (payment.state() == PaymentState.FAILED || payment.state().isSettled()) {
          return Result.UNCHANGED;
        }
        if (payment.state() != PaymentState.PENDING) {
          return Result.NOT_ALLOWED;
        }
        book(
            payment,
            payment.moveTo(
                PaymentState.FAILED,
                "PROVIDER_FAILED",
                amountCents,
                source,
                externalId,
                actor,
                null,
                now));
        return Result.BOOKED;
      }
      default -> {
        return Result.UNCHANGED;
      }
    }
  }

  /** Stores the event and the audit entry of one state change. */
  void book(PaymentRequest payment, PaymentEvent event) {
    payments.addEvent(event);
    if (event.toState() == PaymentState.PAID) {
      webhooks.raise(
          payment.municipalityId(), WebhookEventType.PAYMENT_SETTLED, settledData(payment));
    }
    audit.record(
        new AuditEvent(
            event.actor(),
            "payment." + event.kind().toLowerCase(java.util.Locale.ROOT),
            "payment_request",
            payment.id().toString(),
            payment.municipalityId(),
            payment.referenceValue()
                + " "
                + event.fromState()
                + "->"
                + event.toState()
                + (event.amountCents() == null ? "" : " " + event.amountCents() + " ct")));
  }

  /** What the {@code payment.settled} webhook tells: ids, amount and method, no payer data. */
  static Map<String, Object> settledData(PaymentRequest payment) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("paymentId", payment.id().toString());
    data.put("applicationId", payment.applicationId().toString());
    data.put("amountCents", payment.amountCents());
    data.put("currency", payment.currency());
    data.put("method", payment.method() == null ? null : payment.method().name());
    return data;
  }
}
