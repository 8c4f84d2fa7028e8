package eu.rathaus.cases.domain;

import eu.rathaus.applications.domain.CaseApplication;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The authority's handle on a submitted application, and the aggregate of the back-office lifecycle
 * (see {@link CaseStatus}). Created together with the application, in the same transaction, so no
 * application ever exists that the back office cannot see.
 *
 * <p>What the inbox filters and sorts by (service, reference, applicant name, submission time) is
 * copied here from the frozen application, so the inbox reads one table. Status changes go through
 * {@link #apply}, which asks {@link eu.rathaus.cases.domain.CaseLifecycle} first and keeps the
 * deadline clock: waiting for the citizen pauses it, and the due date moves by the paused days
 * ({@link Deadline}). The {@code version} is the optimistic lock every staff action is checked
 * against.
 */
@Entity
@Table(name = "case_record")
public class CaseRecord {

  /** Authorities count deadlines in their own local time. */
  public static final ZoneId GERMAN_TIME = Deadline.AUTHORITY_ZONE;

  @Id private UUID id;

  @Column(name = "application_id", nullable = false, updatable = false)
  private UUID applicationId;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "applicant_subject", nullable = false, updatable = false, length = 255)
  private String applicantSubject;

  @Column(name = "applicant_name", length = 200, updatable = false)
  private String applicantName;

  @Column(name = "definition_id", nullable = false, updatable = false)
  private UUID definitionId;

  @Column(name = "reference_number", nullable = false, updatable = false, length = 15)
  private String referenceNumber;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @Column(name = "processing_days", nullable = false, updatable = false)
  private int processingDays;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CaseStatus status;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(name = "assignee_subject", length = 255)
  private String assigneeSubject;

  @Column(name = "assignee_name", length = 200)
  private String assigneeName;

  @Column(name = "waiting_since")
  private Instant waitingSince;

  @Column(name = "paused_seconds", nullable = false)
  private long pausedSeconds;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_reasons", length = 10000)
  private String decisionReasons;

  @Column(name = "changed_at")
  private Instant changedAt;

  @Column(name = "changed_by_name", length = 200)
  private String changedByName;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** The one staff role that works this case, or null for every clerk (V65). */
  @Column(name = "staff_role", updatable = false, length = 40)
  private String staffRole;

  @Version private long version;

  protected CaseRecord() {}

  /**
   * A new case for a just submitted application; {@code applicantName} is the signed-in citizen's
   * name (for the clerk's search), null if the identity provider gave none.
   */
  public CaseRecord(
      UUID id, CaseApplication application, int processingDays, String applicantName, Instant now) {
    this.id = id;
    this.applicationId = application.id();
    this.municipalityId = application.municipalityId();
    this.applicantSubject = application.applicantSubject();
    this.applicantName =
        applicantName == null || applicantName.isBlank()
            ? null
            : truncate(applicantName.strip(), 200);
    this.definitionId = application.definitionId();
    this.referenceNumber = application.referenceNumber().format();
    this.submittedAt = application.submittedAt();
    this.processingDays = processingDays;
    this.status = CaseStatus.SUBMITTED;
    this.dueDate = dueDate(submittedAt, processingDays);
    this.createdAt = now;
    this.changedAt = now;
  }

  /**
   * Reserves the new case for staff holding {@code role} (a data protection request: {@code
   * data-protection}); only before the case is stored.
   */
  public CaseRecord reservedFor(String role) {
    if (version != 0 || staffRole != null) {
      throw new IllegalStateException("A case's staff role is set once, when it opens");
    }
    this.staffRole = role;
    return this;
  }

  /** The staff role this case requires, or null when every clerk works it. */
  public String staffRole() {
    return staffRole;
  }

  /** True when staff holding {@code roles} may see and work this case. */
  public boolean workableBy(java.util.Set<String> roles) {
    return staffRole == null || roles.contains(staffRole);
  }

  /**
   * The due date: the processing deadline counted in calendar days from the day of submission in
   * German local time (an application sent at 23:30 on the 1st counts from the 1st, not from the
   * 2nd as UTC would have it).
   */
  public static LocalDate dueDate(Instant submittedAt, int processingDays) {
    if (processingDays < 1) {
      throw new IllegalArgumentException("A processing deadline is at least one day");
    }
    return Deadline.dueDate(submittedAt, processingDays, List.of(), submittedAt);
  }

  /**
   * Changes the status as {@code action} says (the caller has asked the lifecycle before) and keeps
   * the clock: entering "waiting for the citizen" starts a pause, leaving it ends the pause and
   * moves the due date by the paused time, rounded up to whole days.
   */
  public void apply(CaseAction action, Instant now, String actorName) {
    CaseStatus next = action.target();
    if (status == CaseStatus.WAITING_FOR_CITIZEN && next != CaseStatus.WAITING_FOR_CITIZEN) {
      pausedSeconds += Math.max(0, now.getEpochSecond() - waitingSince.getEpochSecond());
      waitingSince = null;
      dueDate =
          Deadline.dueDate(
              submittedAt,
              processingDays,
              List.of(new Deadline.Pause(Instant.EPOCH, Instant.ofEpochSecond(pausedSeconds))),
              now);
    }
    if (next == CaseStatus.WAITING_FOR_CITIZEN) {
      waitingSince = now;
    }
    if (next == CaseStatus.APPROVED || next == CaseStatus.REJECTED) {
      decidedAt = now;
    }
    status = next;
    touch(now, actorName);
  }

  /** Records the decision's reasons (the notice quotes them). */
  public void decideWith(String reasons) {
    this.decisionReasons = reasons;
  }

  public void assignTo(String subject, String name, Instant now, String actorName) {
    this.assigneeSubject = subject;
    this.assigneeName = name;
    touch(now, actorName);
  }

  private void touch(Instant now, String actorName) {
    this.changedAt = now;
    this.changedByName = actorName;
  }

  /**
   * The expected decision date as of {@code now}: the stored due date, plus the running pause while
   * the case waits for the citizen (the citizen's own waiting time never counts against them).
   */
  public LocalDate expectedDecision(Instant now) {
    if (waitingSince == null) {
      return dueDate;
    }
    long running = Math.max(0, now.getEpochSecond() - waitingSince.getEpochSecond());
    return Deadline.dueDate(
        submittedAt,
        processingDays,
        List.of(new Deadline.Pause(Instant.EPOCH, Instant.ofEpochSecond(pausedSeconds + running))),
        now);
  }

  public boolean isOverdue(Instant now) {
    return Deadline.isOverdue(dueDate, status, now);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  public UUID id() {
    return id;
  }

  public UUID applicationId() {
    return applicationId;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public String applicantSubject() {
    return applicantSubject;
  }

  public String applicantName() {
    return applicantName;
  }

  public UUID definitionId() {
    return definitionId;
  }

  public String referenceNumber() {
    return referenceNumber;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public int processingDays() {
    return processingDays;
  }

  public CaseStatus status() {
    return status;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public String assigneeSubject() {
    return assigneeSubject;
  }

  public String assigneeName() {
    return assigneeName;
  }

  public Instant waitingSince() {
    return waitingSince;
  }

  public long pausedSeconds() {
    return pausedSeconds;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String decisionReasons() {
    return decisionReasons;
  }

  public Instant changedAt() {
    return changedAt;
  }

  public String changedByName() {
    return changedByName;
  }

  public long version() {
    return version;
  }
}
