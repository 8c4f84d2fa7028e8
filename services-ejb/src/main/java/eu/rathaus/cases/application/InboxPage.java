package eu.rathaus.cases.application;

import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.catalogue.domain.LocalizedText;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of the inbox with the cursors to the neighbouring pages (null where there is none) and
 * the counters the inbox shows above the table. Bean getters for Jakarta EL 5.
 */
public record InboxPage(
    List<Row> rows,
    String next,
    String previous,
    Map<CaseStatus, Long> counts,
    long mine,
    long unassigned)
    implements Serializable {

  public InboxPage {
    rows = List.copyOf(rows);
    counts = Map.copyOf(counts);
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getNext() {
    return next;
  }

  public String getPrevious() {
    return previous;
  }

  public long getMine() {
    return mine;
  }

  public long getUnassigned() {
    return unassigned;
  }

  /** A case as the inbox lists it. */
  public record Row(
      UUID caseId,
      String reference,
      String applicantName,
      LocalizedText serviceTitle,
      CaseStatus status,
      Instant submittedAt,
      LocalDate dueDate,
      boolean overdue,
      String assigneeSubject,
      String assigneeName)
      implements Serializable {

    public UUID getCaseId() {
      return caseId;
    }

    public String getReference() {
      return reference;
    }

    public String getApplicantName() {
      return applicantName;
    }

    public LocalizedText getServiceTitle() {
      return serviceTitle;
    }

    public CaseStatus getStatus() {
      return status;
    }

    public Instant getSubmittedAt() {
      return submittedAt;
    }

    public LocalDate getDueDate() {
      return dueDate;
    }

    public boolean isOverdue() {
      return overdue;
    }

    public String getAssigneeName() {
      return assigneeName;
    }
  }
}
