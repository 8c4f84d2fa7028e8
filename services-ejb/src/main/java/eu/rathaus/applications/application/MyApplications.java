package eu.rathaus.applications.application;

import eu.rathaus.catalogue.domain.LocalizedText;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** "Meine Anträge": drafts to resume and submitted applications, newest first. */
public record MyApplications(List<DraftSummary> drafts, List<SubmittedSummary> submitted)
    implements Serializable {

  public MyApplications {
    drafts = List.copyOf(drafts);
    submitted = List.copyOf(submitted);
  }

  public List<DraftSummary> getDrafts() {
    return drafts;
  }

  public List<SubmittedSummary> getSubmitted() {
    return submitted;
  }

  /** A draft: which service, when last saved, which step comes next (1-based for people). */
  public record DraftSummary(
      UUID id, LocalizedText serviceTitle, Instant updatedAt, int step, int stepCount)
      implements Serializable {
    public UUID getId() {
      return id;
    }

    public LocalizedText getServiceTitle() {
      return serviceTitle;
    }

    public Instant getUpdatedAt() {
      return updatedAt;
    }

    public int getStep() {
      return step;
    }

    public int getStepCount() {
      return stepCount;
    }
  }

  /** A submitted application as the citizen follows it. */
  public record SubmittedSummary(
      String reference,
      LocalizedText serviceTitle,
      Instant submittedAt,
      String status,
      UUID applicationId,
      java.time.LocalDate expectedDecision,
      UUID caseId,
      boolean withdrawable)
      implements Serializable {

    /** Without the application id, as before payments needed it. */
    public SubmittedSummary(
        String reference, LocalizedText serviceTitle, Instant submittedAt, String status) {
      this(reference, serviceTitle, submittedAt, status, null);
    }

    /** Without the case's state (expected decision, withdrawal). */
    public SubmittedSummary(
        String reference,
        LocalizedText serviceTitle,
        Instant submittedAt,
        String status,
        UUID applicationId) {
      this(reference, serviceTitle, submittedAt, status, applicationId, null, null, false);
    }

    public UUID getApplicationId() {
      return applicationId;
    }

    /**
     * The date the authority aims to decide by (the due date; waiting for the citizen moves it).
     */
    public java.time.LocalDate getExpectedDecision() {
      return expectedDecision;
    }

    public UUID getCaseId() {
      return caseId;
    }

    /** True while the citizen may still withdraw (before a decision). */
    public boolean isWithdrawable() {
      return withdrawable;
    }

    public String getReference() {
      return reference;
    }

    public LocalizedText getServiceTitle() {
      return serviceTitle;
    }

    public Instant getSubmittedAt() {
      return submittedAt;
    }

    public String getStatus() {
      return status;
    }
  }
}
