package eu.rathaus.cases.domain;

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
 * One entry of a case's timeline: who did what when, from which status to which. Append-only (the
 * portal's role may only insert), so the timeline is evidence like the audit chain. Entries marked
 * citizen-visible are what the applicant sees of the case's progress; the actor's name is never
 * shown to the citizen.
 */
@Entity
@Immutable
@Table(name = "case_event")
public class CaseEvent {

  /** What happened: a lifecycle action, or an assignment (which changes no status). */
  public enum Kind {
    CLAIM,
    ASSIGN,
    START_REVIEW,
    REQUEST_INFORMATION,
    CITIZEN_REPLIED,
    APPROVE,
    REJECT,
    CLOSE,
    WITHDRAW,
    /** Handed off to a specialist procedure: it acknowledged the submission (issue 14). */
    HANDED_OVER,
    /** The specialist procedure refused the submission (with its reason; staff only). */
    HANDOFF_REFUSED,
    /** The specialist procedure reports it has received the application. */
    PROCEDURE_RECEIVED,
    /** Issued at once from a register without a clerk; the case is closed (issue 13). */
    ISSUED;

    public String messageKey() {
      return "case.event." + name();
    }
  }

  @Id private UUID id;

  /** Filled by the database: the order of writing, which the timeline follows. */
  @Column(insertable = false, updatable = false)
  private Long seq;

  @Column(name = "case_id", nullable = false)
  private UUID caseId;

  @Column(name = "municipality_id", nullable = false)
  private UUID municipalityId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor_subject", nullable = false, length = 255)
  private String actorSubject;

  @Column(name = "actor_name", length = 200)
  private String actorName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 20)
  private CaseStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", length = 20)
  private CaseStatus toStatus;

  @Column(length = 10000)
  private String detail;

  @Column(name = "citizen_visible", nullable = false)
  private boolean citizenVisible;

  protected CaseEvent() {}

  public CaseEvent(
      UUID caseId,
      UUID municipalityId,
      Instant occurredAt,
      String actorSubject,
      String actorName,
      Kind kind,
      CaseStatus fromStatus,
      CaseStatus toStatus,
      String detail,
      boolean citizenVisible) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.municipalityId = municipalityId;
    this.occurredAt = occurredAt;
    this.actorSubject = actorSubject;
    this.actorName = actorName;
    this.kind = kind;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.detail = detail;
    this.citizenVisible = citizenVisible;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actorSubject() {
    return actorSubject;
  }

  public String actorName() {
    return actorName;
  }

  public Kind kind() {
    return kind;
  }

  public CaseStatus fromStatus() {
    return fromStatus;
  }

  public CaseStatus toStatus() {
    return toStatus;
  }

  public String detail() {
    return detail;
  }

  public boolean citizenVisible() {
    return citizenVisible;
  }
}
