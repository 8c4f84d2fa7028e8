package eu.rathaus.applications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A submitted application: what the citizen declared, frozen at the moment of submission.
 *
 * <p>Immutable by design (no setters, {@code @Immutable}, and the portal's role has no UPDATE on
 * the table): the answers, the version they were given against and the fee are evidence;
 * corrections happen as new events on the case, never by editing what was submitted. The
 * idempotency key is unique per applicant, so a repeated submission of the same review form finds
 * this row again.
 */
@Entity
@Immutable
@Table(name = "case_application")
public class CaseApplication {

  @Id private UUID id;

  @Column(name = "reference_number", nullable = false, length = 15)
  private String referenceNumber;

  @Column(name = "municipality_id", nullable = false)
  private UUID municipalityId;

  @Column(name = "definition_id", nullable = false)
  private UUID definitionId;

  @Column(name = "version_id", nullable = false)
  private UUID versionId;

  @Column(name = "applicant_subject", nullable = false, length = 255)
  private String applicantSubject;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String answers;

  @Column(name = "fee_cents", nullable = false)
  private long feeCents;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "idempotency_key", nullable = false, length = 64)
  private String idempotencyKey;

  @Column(name = "notification_email", length = 254)
  private String notificationEmail;

  /** "de" or "en": the portal's language at submission; notices and their mails follow it. */
  @Column(nullable = false, length = 2)
  private String language;

  /**
   * Which answers came from where (issue 13): field key → prefill source ({@code eid.givenName},
   * {@code register.address}, …) for every value that is the one its source gave; the rest the
   * citizen typed. Null for applications from before prefill.
   */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "prefill_sources")
  private String prefillSources;

  protected CaseApplication() {}

  public CaseApplication(
      UUID id,
      ReferenceNumber referenceNumber,
      ApplicationDraft draft,
      String answersJson,
      long feeCents,
      Instant submittedAt,
      String idempotencyKey,
      String language) {
    this.id = Objects.requireNonNull(id);
    this.referenceNumber = referenceNumber.format();
    this.municipalityId = draft.municipalityId();
    this.definitionId = draft.definitionId();
    this.versionId = draft.versionId();
    this.applicantSubject = draft.applicantSubject();
    this.answers = Objects.requireNonNull(answersJson);
    this.feeCents = feeCents;
    this.submittedAt = submittedAt;
    this.idempotencyKey = Objects.requireNonNull(idempotencyKey);
    // Only languages the portal is translated into; anything else reads German.
    this.language = "en".equals(language) ? "en" : "de";
  }

  public UUID id() {
    return id;
  }

  public ReferenceNumber referenceNumber() {
    return ReferenceNumber.parse(referenceNumber);
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

  public long feeCents() {
    return feeCents;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** Where this application's notifications go; null if nobody gave an address. */
  public String notificationEmail() {
    return notificationEmail;
  }

  public void sendNotificationsTo(String email) {
    this.notificationEmail = email == null || email.isBlank() ? null : email.strip();
  }

  /** Records where prefilled answers came from, as a JSON object (field key → source key). */
  public void recordPrefillSources(String json) {
    this.prefillSources = json;
  }

  public String prefillSources() {
    return prefillSources;
  }

  public String language() {
    return language;
  }
}
