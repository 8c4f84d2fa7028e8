package eu.rathaus.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * An internal note of the staff on a case. Never shown to the citizen: the table has no citizen
 * policy at all, so even a query that forgot its filter returns nothing in a citizen's scope.
 */
@Entity
@Immutable
@Table(name = "case_note")
public class CaseNote {

  /** Long enough for a real note, short enough that the page stays readable. */
  public static final int MAX_LENGTH = 4000;

  @Id private UUID id;

  @Column(name = "case_id", nullable = false)
  private UUID caseId;

  @Column(name = "municipality_id", nullable = false)
  private UUID municipalityId;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  @Column(name = "author_subject", nullable = false, length = 255)
  private String authorSubject;

  @Column(name = "author_name", length = 200)
  private String authorName;

  @Column(nullable = false, length = MAX_LENGTH)
  private String text;

  protected CaseNote() {}

  public CaseNote(
      UUID caseId,
      UUID municipalityId,
      Instant writtenAt,
      String authorSubject,
      String authorName,
      String text) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.municipalityId = municipalityId;
    this.writtenAt = writtenAt;
    this.authorSubject = authorSubject;
    this.authorName = authorName;
    this.text = text;
  }

  public UUID id() {
    return id;
  }

  public Instant writtenAt() {
    return writtenAt;
  }

  public String authorName() {
    return authorName;
  }

  public String text() {
    return text;
  }
}
