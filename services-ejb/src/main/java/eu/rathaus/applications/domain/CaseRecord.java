package eu.rathaus.applications.domain;

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
import java.util.UUID;

/**
 * The authority's handle on a submitted application. Created together with the application, in the
 * same transaction, so no application ever exists that the back office cannot see. For now it only
 * knows that it was submitted and when it is due (the version's processing deadline in days); the
 * case lifecycle (assignment, decisions) grows here later.
 */
@Entity
@Table(name = "case_record")
public class CaseRecord {

  /** Where a case stands; only the first state exists so far. */
  public enum Status {
    SUBMITTED
  }

  /** Authorities count deadlines in their own local time. */
  public static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  @Id private UUID id;

  @Column(name = "application_id", nullable = false, updatable = false)
  private UUID applicationId;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "applicant_subject", nullable = false, updatable = false, length = 255)
  private String applicantSubject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected CaseRecord() {}

  public CaseRecord(UUID id, CaseApplication application, LocalDate dueDate, Instant now) {
    this.id = id;
    this.applicationId = application.id();
    this.municipalityId = application.municipalityId();
    this.applicantSubject = application.applicantSubject();
    this.status = Status.SUBMITTED;
    this.dueDate = dueDate;
    this.createdAt = now;
  }

  /**
   * The due date: the processing deadline counted in calendar days from the day of submission in
   * German local time (an application sent at 23:30 on the 1st counts from the 1st, not from the 2nd
   * as UTC would have it).
   */
  public static LocalDate dueDate(Instant submittedAt, int processingDays) {
    if (processingDays < 1) {
      throw new IllegalArgumentException("A processing deadline is at least one day");
    }
    return submittedAt.atZone(GERMAN_TIME).toLocalDate().plusDays(processingDays);
  }

  public UUID id() {
    return id;
  }

  public UUID applicationId() {
    return applicationId;
  }

  public Status status() {
    return status;
  }

  public LocalDate dueDate() {
    return dueDate;
  }
}
