package eu.rathaus.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The request to pay one application's fee. Every state change goes through {@link #moveTo}, which
 * enforces {@link PaymentState}'s transitions and returns the {@link PaymentEvent} to store, so the
 * event list and the state cannot drift apart. Amounts are cents in EUR.
 */
@Entity
@Table(name = "payment_request")
public class PaymentRequest {

  @Id private UUID id;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "application_id", nullable = false, updatable = false)
  private UUID applicationId;

  @Column(name = "applicant_subject", nullable = false, updatable = false, length = 255)
  private String applicantSubject;

  @Column(name = "payment_reference", nullable = false, updatable = false, length = 25)
  private String paymentReference;

  @Column(name = "amount_cents", nullable = false, updatable = false)
  private long amountCents;

  @Column(nullable = false, length = 3, updatable = false)
  private String currency;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PaymentState state;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private PaymentMethod method;

  @Column(length = 40)
  private String provider;

  @Column(name = "provider_payment_id", length = 100)
  private String providerPaymentId;

  @Column(name = "paid_cents", nullable = false)
  private long paidCents;

  @Column(name = "refunded_cents", nullable = false)
  private long refundedCents;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /**
   * The payee account as it was when the request was opened (V18): later changes never alter it.
   */
  @Column(name = "payee_name", length = 70, updatable = false)
  private String payeeName;

  @Column(name = "payee_iban", length = 34, updatable = false)
  private String payeeIban;

  @Column(name = "payee_bic", length = 11, updatable = false)
  private String payeeBic;

  @Version private long version;

  protected PaymentRequest() {}

  public PaymentRequest(
      UUID id,
      UUID municipalityId,
      UUID applicationId,
      String applicantSubject,
      PaymentReference reference,
      long amountCents,
      LocalDate dueDate,
      Instant now) {
    if (amountCents <= 0) {
      throw new IllegalArgumentException("A payment request is for a positive amount");
    }
    this.id = Objects.requireNonNull(id);
    this.municipalityId = Objects.requireNonNull(municipalityId);
    this.applicationId = Objects.requireNonNull(applicationId);
    this.applicantSubject = Objects.requireNonNull(applicantSubject);
    this.paymentReference = reference.value();
    this.amountCents = amountCents;
    this.currency = "EUR";
    this.dueDate = Objects.requireNonNull(dueDate);
    this.state = PaymentState.OPEN;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Records the account citizens pay this request into; set once, before the request is stored. */
  public void payInto(String name, String iban, String bic) {
    this.payeeName = Objects.requireNonNull(name);
    this.payeeIban = Objects.requireNonNull(iban);
    this.payeeBic = bic;
  }

  public String payeeName() {
    return payeeName;
  }

  public String payeeIban() {
    return payeeIban;
  }

  public String payeeBic() {
    return payeeBic;
  }

  /** The event recording the request's creation (state OPEN), to be stored with it. */
  public PaymentEvent openedEvent(String actor) {
    return new PaymentEvent(
        UUID.randomUUID(),
        this,
        createdAt,
        "OPENED",
        null,
        PaymentState.OPEN,
        amountCents,
        "PORTAL",
        null,
        actor,
        null);
  }

  /**
   * Moves to {@code target} if the state machine allows it and returns the event to store.
   *
   * @param kind what happened, e.g. {@code PROVIDER_NOTIFIED_PAID}, {@code BANK_STATEMENT_MATCHED}
   * @param source who said so: {@code PROVIDER:<name>}, {@code CAMT053}, {@code POLL}, {@code
   *     PORTAL}
   * @param externalId the source's id of the signal (notification id, bank entry reference), or
   *     null
   * @throws PaymentTransitionRefused when the move is not allowed; nothing changed then
   */
  public PaymentEvent moveTo(
      PaymentState target,
      String kind,
      Long eventAmountCents,
      String source,
      String externalId,
      String actor,
      String detail,
      Instant now) {
    if (!state.canMoveTo(target)) {
      throw new PaymentTransitionRefused(state, target);
    }
    PaymentState from = state;
    state = target;
    updatedAt = now;
    return new PaymentEvent(
        UUID.randomUUID(),
        this,
        now,
        kind,
        from,
        target,
        eventAmountCents,
        source,
        externalId,
        actor,
        detail);
  }

  /** Marks the money as received (PENDING → PAID) with the amount that actually arrived. */
  public PaymentEvent markPaid(
      long receivedCents,
      String kind,
      String source,
      String externalId,
      String actor,
      Instant now) {
    if (receivedCents != amountCents) {
      throw new IllegalArgumentException(
          "Paid amount " + receivedCents + " does not match " + amountCents);
    }
    PaymentEvent event =
        moveTo(PaymentState.PAID, kind, receivedCents, source, externalId, actor, null, now);
    paidCents = receivedCents;
    paidAt = now;
    return event;
  }

  /**
   * Books a refund of {@code cents} (PAID/REFUNDED → REFUNDED); never more than was paid in total.
   */
  public PaymentEvent refund(
      long cents, String source, String externalId, String actor, String reason, Instant now) {
    if (cents <= 0 || cents > refundableCents()) {
      throw new IllegalArgumentException(
          "Refund of " + cents + " exceeds the refundable " + refundableCents());
    }
    PaymentEvent event =
        moveTo(PaymentState.REFUNDED, "REFUNDED", cents, source, externalId, actor, reason, now);
    refundedCents += cents;
    return event;
  }

  /** Chooses (or switches) how the citizen pays; the request keeps its Kassenzeichen. */
  public void choose(PaymentMethod method, String provider, String providerPaymentId, Instant now) {
    if (!state.isPayable()) {
      throw new PaymentTransitionRefused(state, PaymentState.PENDING);
    }
    this.method = method;
    this.provider = provider;
    this.providerPaymentId = providerPaymentId;
    this.updatedAt = now;
  }

  public long refundableCents() {
    return paidCents - refundedCents;
  }

  public UUID id() {
    return id;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public UUID applicationId() {
    return applicationId;
  }

  public String applicantSubject() {
    return applicantSubject;
  }

  public PaymentReference reference() {
    return PaymentReference.parse(paymentReference);
  }

  public String referenceValue() {
    return paymentReference;
  }

  public long amountCents() {
    return amountCents;
  }

  public String currency() {
    return currency;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public PaymentState state() {
    return state;
  }

  public PaymentMethod method() {
    return method;
  }

  public String provider() {
    return provider;
  }

  public String providerPaymentId() {
    return providerPaymentId;
  }

  public long paidCents() {
    return paidCents;
  }

  public long refundedCents() {
    return refundedCents;
  }

  public Instant paidAt() {
    return paidAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
