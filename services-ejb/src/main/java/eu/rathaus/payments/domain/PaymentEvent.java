package eu.rathaus.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One change of a payment, append-only. The unique (payment, source, external id) constraint makes
 * a signal that arrives twice (a repeated provider notification, a statement imported again)
 * impossible to book twice, even when two threads race.
 */
@Entity
@Immutable
@Table(name = "payment_event")
public class PaymentEvent {

  @Id private UUID id;

  @Column(name = "payment_id", nullable = false)
  private UUID paymentId;

  @Column(name = "municipality_id", nullable = false)
  private UUID municipalityId;

  @Column(name = "applicant_subject", nullable = false, length = 255)
  private String applicantSubject;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 40)
  private String kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_state", length = 20)
  private PaymentState fromState;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_state", nullable = false, length = 20)
  private PaymentState toState;

  @Column(name = "amount_cents")
  private Long amountCents;

  @Column(nullable = false, length = 40)
  private String source;

  @Column(name = "external_id", length = 200)
  private String externalId;

  @Column(nullable = false, length = 200)
  private String actor;

  @Column(length = 1000)
  private String detail;

  protected PaymentEvent() {}

  PaymentEvent(
      UUID id,
      PaymentRequest payment,
      Instant occurredAt,
      String kind,
      PaymentState fromState,
      PaymentState toState,
      Long amountCents,
      String source,
      String externalId,
      String actor,
      String detail) {
    this.id = id;
    this.paymentId = payment.id();
    this.municipalityId = payment.municipalityId();
    this.applicantSubject = payment.applicantSubject();
    this.occurredAt = occurredAt;
    this.kind = kind;
    this.fromState = fromState;
    this.toState = toState;
    this.amountCents = amountCents;
    this.source = source;
    this.externalId = externalId;
    this.actor = actor;
    this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }

  public UUID id() {
    return id;
  }

  public UUID paymentId() {
    return paymentId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String kind() {
    return kind;
  }

  public PaymentState fromState() {
    return fromState;
  }

  public PaymentState toState() {
    return toState;
  }

  public Long amountCents() {
    return amountCents;
  }

  public String source() {
    return source;
  }

  public String externalId() {
    return externalId;
  }

  public String actor() {
    return actor;
  }

  public String detail() {
    return detail;
  }
}
