package eu.rathaus.payments.application;

import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment request as pages show it (citizen's payment page, "Meine Anträge", the clerk's case,
 * the receipt): read-only, detached from the entity. Bean getters because Jakarta EL 5 does not
 * read record components.
 */
public record PaymentSummary(
    UUID id,
    UUID applicationId,
    String reference,
    String printedReference,
    long amountCents,
    String currency,
    LocalDate dueDate,
    PaymentState state,
    PaymentMethod method,
    Instant paidAt,
    long refundedCents)
    implements Serializable {

  static PaymentSummary of(PaymentRequest p) {
    return new PaymentSummary(
        p.id(),
        p.applicationId(),
        p.referenceValue(),
        p.reference().printed(),
        p.amountCents(),
        p.currency(),
        p.dueDate(),
        p.state(),
        p.method(),
        p.paidAt(),
        p.refundedCents());
  }

  /** The citizen can (still or again) pay. */
  public boolean isPayable() {
    return state.isPayable();
  }

  public boolean isSettled() {
    return state.isSettled();
  }

  public UUID getId() {
    return id;
  }

  public UUID getApplicationId() {
    return applicationId;
  }

  public String getReference() {
    return reference;
  }

  public String getPrintedReference() {
    return printedReference;
  }

  public long getAmountCents() {
    return amountCents;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public PaymentState getState() {
    return state;
  }

  public String getStateName() {
    return state.name();
  }

  public PaymentMethod getMethod() {
    return method;
  }

  public Instant getPaidAt() {
    return paidAt;
  }
}
