package eu.rathaus.messaging.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A conversation between one citizen and one municipality: the thread of a case (one per case,
 * opened by the authority's first message) or a general one the citizen starts. Everything but the
 * bookkeeping is fixed at creation (the database grants no update on other columns).
 */
@Entity
@Table(name = "mailbox_thread")
public class MailboxThread {

  @Id private UUID id;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "case_id", updatable = false)
  private UUID caseId;

  @Column(name = "citizen_subject", nullable = false, updatable = false, length = 255)
  private String citizenSubject;

  @Column(name = "citizen_email", length = 254)
  private String citizenEmail;

  @Column(nullable = false, updatable = false, length = 200)
  private String title;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_message_at", nullable = false)
  private Instant lastMessageAt;

  protected MailboxThread() {}

  public MailboxThread(
      UUID id,
      UUID municipalityId,
      UUID caseId,
      String citizenSubject,
      String citizenEmail,
      String title,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.municipalityId = Objects.requireNonNull(municipalityId);
    this.caseId = caseId;
    this.citizenSubject = Objects.requireNonNull(citizenSubject);
    this.citizenEmail = blankToNull(citizenEmail);
    this.title = Objects.requireNonNull(title);
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.lastMessageAt = this.createdAt;
  }

  /** Remembers the address of the citizen's current sign-in for later notifications. */
  public void useAddress(String email) {
    String value = blankToNull(email);
    if (value != null && value.length() <= 254 && value.contains("@")) {
      citizenEmail = value;
    }
  }

  public void touched(Instant at) {
    lastMessageAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public UUID id() {
    return id;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public UUID caseId() {
    return caseId;
  }

  public String citizenSubject() {
    return citizenSubject;
  }

  public String citizenEmail() {
    return citizenEmail;
  }

  public String title() {
    return title;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastMessageAt() {
    return lastMessageAt;
  }
}
