package eu.rathaus.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A refund of a paid fee, in full or in part: through the hosted provider ({@link
 * Channel#PROVIDER}) or, for bank transfers, as an instruction for the treasury's bank ({@link
 * Channel#SEPA_INSTRUCTION}).
 */
@Entity
@Table(name = "payment_refund")
public class PaymentRefund {

  public enum Channel {
    PROVIDER,
    SEPA_INSTRUCTION
  }

  public enum State {
    REQUESTED,
    DONE,
    FAILED
  }

  @Id private UUID id;

  @Column(name = "payment_id", nullable = false, updatable = false)
  private UUID paymentId;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "amount_cents", nullable = false, updatable = false)
  private long amountCents;

  @Column(nullable = false, length = 500, updatable = false)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state;

  @Column(name = "provider_refund_id", length = 100)
  private String providerRefundId;

  @Column(name = "requested_by", nullable = false, length = 200, updatable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected PaymentRefund() {}

  public PaymentRefund(
      UUID id,
      PaymentRequest payment,
      long amountCents,
      String reason,
      Channel channel,
      String requestedBy,
      Instant now) {
    if (amountCents <= 0) {
      throw new IllegalArgumentException("A refund is for a positive amount");
    }
    this.id = id;
    this.paymentId = payment.id();
    this.municipalityId = payment.municipalityId();
    this.amountCents = amountCents;
    this.reason = reason;
    this.channel = channel;
    this.state = State.REQUESTED;
    this.requestedBy = requestedBy;
    this.requestedAt = now;
  }

  public void completed(String providerRefundId, Instant now) {
    this.state = State.DONE;
    this.providerRefundId = providerRefundId;
    this.completedAt = now;
  }

  public void failed(Instant now) {
    this.state = State.FAILED;
    this.completedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID paymentId() {
    return paymentId;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public long amountCents() {
    return amountCents;
  }

  public String reason() {
    return reason;
  }

  public Channel channel() {
    return channel;
  }

  public State state() {
    return state;
  }

  public String providerRefundId() {
    return providerRefundId;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }
}
