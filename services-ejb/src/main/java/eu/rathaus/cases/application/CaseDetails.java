package eu.rathaus.cases.application;

import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.cases.domain.CaseAction;
import eu.rathaus.cases.domain.CaseEvent;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.LocalizedText;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything the case page shows: the case's state, the answers with the exact form version they
 * were given against (labels as the citizen saw them), the attachments, the timeline, the internal
 * notes and the actions the lifecycle allows now. {@code version} is what the clerk's next action
 * must carry (optimistic locking).
 */
public record CaseDetails(
    UUID caseId,
    long version,
    String reference,
    LocalizedText serviceTitle,
    String applicantName,
    Instant submittedAt,
    CaseStatus status,
    LocalDate dueDate,
    boolean overdue,
    String assigneeSubject,
    String assigneeName,
    Instant decidedAt,
    String decisionReasons,
    FormDefinition form,
    String answersJson,
    List<AttachmentSummary> attachments,
    List<TimelineEntry> timeline,
    List<Note> notes,
    List<CaseAction> available,
    UUID applicationId)
    implements Serializable {

  /** One event of the timeline. */
  public record TimelineEntry(
      Instant at,
      String actorName,
      CaseEvent.Kind kind,
      CaseStatus from,
      CaseStatus to,
      String detail,
      boolean citizenVisible)
      implements Serializable {
    public Instant getAt() {
      return at;
    }

    public String getActorName() {
      return actorName;
    }

    public CaseEvent.Kind getKind() {
      return kind;
    }

    public CaseStatus getFrom() {
      return from;
    }

    public CaseStatus getTo() {
      return to;
    }

    public String getDetail() {
      return detail;
    }

    public boolean isCitizenVisible() {
      return citizenVisible;
    }
  }

  /** An internal note. */
  public record Note(Instant at, String authorName, String text) implements Serializable {
    public Instant getAt() {
      return at;
    }

    public String getAuthorName() {
      return authorName;
    }

    public String getText() {
      return text;
    }
  }
}
