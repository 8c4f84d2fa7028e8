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
 * An incoming amount a person has to look at (unknown Kassenzeichen, too little or too much, a
 * payment that takes no money any more). Resolving needs a note saying what was done, because the
 * list is what an auditor reads when the books do not add up.
 */
@Entity
@Table(name = "payment_clarification")
public class Clarification {

  public enum Status {
    OPEN,
    RESOLVED
  }

  @Id private UUID id;

  @Column(name = "entry_id", nullable = false, updatable = false)
  private UUID entryId;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "payment_id", updatable = false)
  private UUID paymentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30, updatable = false)
  private ClarificationReason reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Status status;

  @Column(name = "resolution_note", length = 1000)
  private String resolutionNote;

  @Column(name = "resolved_by", length = 200)
  private String resolvedBy;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Clarification() {}

  public Clarification(
      UUID id, StatementEntry entry, UUID municipalityId, ClarificationReason reason, Instant now) {
    this.id = id;
    this.entryId = entry.id();
    this.municipalityId = municipalityId;
    this.paymentId = entry.paymentId();
    this.reason = reason;
    this.status = Status.OPEN;
    this.createdAt = now;
  }

  /**
   * Closes the clarification with what was done.
   *
   * @throws IllegalArgumentException without a note
   * @throws IllegalStateException when it was resolved already
   */
  public void resolve(String note, String by, Instant now) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("A resolution needs a note");
    }
    if (status == Status.RESOLVED) {
      throw new IllegalStateException("Already resolved");
    }
    this.status = Status.RESOLVED;
    this.resolutionNote =
        note.strip().length() <= 1000 ? note.strip() : note.strip().substring(0, 1000);
    this.resolvedBy = by;
    this.resolvedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID entryId() {
    return entryId;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public UUID paymentId() {
    return paymentId;
  }

  public ClarificationReason reason() {
    return reason;
  }

  public Status status() {
    return status;
  }

  public String resolutionNote() {
    return resolutionNote;
  }

  public String resolvedBy() {
    return resolvedBy;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
