package eu.rathaus.messaging.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of a thread, never changed after it is written except for {@code readAt}: the moment
 * the receiving side first opened it. For a staff message that moment is the citizen's read
 * receipt, the authority's proof of delivery, so it is set once and never moved.
 */
@Entity
@Table(name = "mailbox_message")
public class MailboxMessage {

  @Id private UUID id;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private UUID threadId;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "citizen_subject", nullable = false, updatable = false, length = 255)
  private String citizenSubject;

  @Enumerated(EnumType.STRING)
  @Column(name = "author_kind", nullable = false, updatable = false, length = 10)
  private AuthorKind authorKind;

  @Column(name = "author_subject", nullable = false, updatable = false, length = 255)
  private String authorSubject;

  @Column(name = "author_name", nullable = false, updatable = false, length = 200)
  private String authorName;

  @Column(nullable = false, updatable = false, columnDefinition = "text")
  private String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected MailboxMessage() {}

  public MailboxMessage(
      UUID id,
      MailboxThread thread,
      AuthorKind authorKind,
      String authorSubject,
      String authorName,
      String body,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.threadId = thread.id();
    this.municipalityId = thread.municipalityId();
    this.citizenSubject = thread.citizenSubject();
    this.authorKind = Objects.requireNonNull(authorKind);
    this.authorSubject = Objects.requireNonNull(authorSubject);
    String name = authorName == null || authorName.isBlank() ? authorSubject : authorName.strip();
    this.authorName = name.length() > 200 ? name.substring(0, 200) : name;
    this.body = Objects.requireNonNull(body);
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Marks the message read if {@code reader} is its receiving side and it was unread; true if this
   * opening is the first (the receipt). Opening one's own message changes nothing.
   */
  public boolean openedBy(AuthorKind reader, Instant now) {
    if (reader != authorKind.other() || readAt != null) {
      return false;
    }
    // PostgreSQL keeps microseconds: what the reader is told is exactly what is stored as proof.
    readAt = now.truncatedTo(ChronoUnit.MICROS);
    return true;
  }

  public UUID id() {
    return id;
  }

  public UUID threadId() {
    return threadId;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public AuthorKind authorKind() {
    return authorKind;
  }

  public String authorSubject() {
    return authorSubject;
  }

  public String authorName() {
    return authorName;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant readAt() {
    return readAt;
  }
}
