package eu.rathaus.applications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A citizen's application in progress: the answers given so far and the step reached, saved after
 * every step so the citizen can stop and come back in another session.
 *
 * <p>It is pinned to the exact published version it was started on ({@link #versionId}): publishing
 * a newer version of the service must not change the questions under a citizen's feet, and the
 * answers are only ever checked against the version they were given for. The answers held here have
 * passed the step-wise validation, so the draft never stores anything a submission would refuse
 * except for steps not yet reached. Optimistic locking ({@code version}) turns two browser tabs
 * saving the same draft into a clear conflict instead of a silent overwrite.
 */
@Entity
@Table(name = "application_draft")
public class ApplicationDraft {

  @Id private UUID id;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "definition_id", nullable = false, updatable = false)
  private UUID definitionId;

  @Column(name = "version_id", nullable = false, updatable = false)
  private UUID versionId;

  @Column(name = "applicant_subject", nullable = false, updatable = false, length = 255)
  private String applicantSubject;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String answers;

  @Column(name = "current_step", nullable = false)
  private int currentStep;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected ApplicationDraft() {}

  public ApplicationDraft(
      UUID id,
      UUID municipalityId,
      UUID definitionId,
      UUID versionId,
      String applicantSubject,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.municipalityId = Objects.requireNonNull(municipalityId);
    this.definitionId = Objects.requireNonNull(definitionId);
    this.versionId = Objects.requireNonNull(versionId);
    if (applicantSubject == null || applicantSubject.isBlank()) {
      throw new IllegalArgumentException("A draft belongs to a signed-in citizen");
    }
    this.applicantSubject = applicantSubject;
    this.answers = "{}";
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Stores checked answers and the step the citizen continues with. */
  public void save(String answersJson, int nextStep, Instant now) {
    if (nextStep < 0) {
      throw new IllegalArgumentException("Step must not be negative");
    }
    this.answers = Objects.requireNonNull(answersJson);
    this.currentStep = nextStep;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public UUID definitionId() {
    return definitionId;
  }

  public UUID versionId() {
    return versionId;
  }

  public String applicantSubject() {
    return applicantSubject;
  }

  public String answersJson() {
    return answers;
  }

  public int currentStep() {
    return currentStep;
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
