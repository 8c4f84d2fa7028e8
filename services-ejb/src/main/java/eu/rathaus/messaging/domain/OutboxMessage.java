package eu.rathaus.messaging.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An e-mail waiting to be sent (transactional outbox). It is written in the same transaction as
 * what it reports, so a committed application always gets its notice and a rolled-back one never
 * does; a separate sender delivers it later and retries when the mail server is away.
 *
 * <p>It holds a template key and parameters (such as a reference number), not the text: notices
 * carry no personal content, and the wording can be corrected without touching stored rows.
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxMessage {

  @Id private UUID id;

  @Column(name = "municipality_id")
  private UUID municipalityId;

  @Column(name = "recipient_subject", length = 255)
  private String recipientSubject;

  @Column(name = "recipient_email", nullable = false, length = 254)
  private String recipientEmail;

  @Column(name = "template_key", nullable = false, length = 100)
  private String templateKey;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String parameters;

  @Column(nullable = false, length = 5)
  private String locale;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  protected OutboxMessage() {}

  public OutboxMessage(
      UUID id,
      UUID municipalityId,
      String recipientSubject,
      String recipientEmail,
      String templateKey,
      String parametersJson,
      String locale,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.municipalityId = municipalityId;
    this.recipientSubject = recipientSubject;
    this.recipientEmail = recipientEmail;
    this.templateKey = Objects.requireNonNull(templateKey);
    this.parameters = parametersJson == null ? "{}" : parametersJson;
    this.locale = "en".equals(locale) ? "en" : "de";
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  /** Delivered: never sent again. */
  public void markSent(Instant now) {
    sentAt = now;
    nextAttemptAt = null;
    lastError = null;
  }

  /**
   * A failed attempt: counted, the error kept for operators, and the next try scheduled by {@code
   * retry} — or none, which means the sender gave up and the row waits for a person.
   */
  public void markFailed(String error, RetryPolicy retry, Instant now) {
    attempts++;
    lastError =
        error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
    nextAttemptAt = retry.nextAttempt(attempts, now).orElse(null);
  }

  /**
   * An operator's "try again" for a message the sender gave up on: a fresh round of attempts,
   * starting now. The last error stays until a delivery succeeds, so the page can still explain.
   */
  public boolean retryNow(Instant now) {
    if (sentAt != null || nextAttemptAt != null) {
      return false;
    }
    attempts = 0;
    nextAttemptAt = now;
    return true;
  }

  /** Given up: not sent, no further attempt scheduled. */
  public boolean isGivenUp() {
    return sentAt == null && nextAttemptAt == null;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public UUID id() {
    return id;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public String recipientEmail() {
    return recipientEmail;
  }

  public String templateKey() {
    return templateKey;
  }

  public String parametersJson() {
    return parameters;
  }

  public String locale() {
    return locale;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public String lastError() {
    return lastError;
  }
}
