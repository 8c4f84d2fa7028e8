package eu.rathaus.catalogue.domain;

import eu.rathaus.identity.LevelOfAssurance;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a municipality's service: the form, fee rule, required level of assurance,
 * deadline and attachment rules, as one JSON document.
 *
 * <p>A draft may be edited as often as the administrator likes. {@link #publish} freezes it for
 * good: drafts and applications of citizens point to the exact version they were started on, and
 * the receipt, the fee and the clerk's view must show what the citizen actually saw — even years
 * later and after newer versions exist. This class refuses every change after publishing, and the
 * database refuses any UPDATE or DELETE of a published row as well (trigger in V3), so not even a
 * bug elsewhere or a hand-written SQL statement can alter history.
 *
 * <p>Level of assurance, deadline and fee rule are copies of what the document says, kept in their
 * own columns so catalogue listings and searches do not parse the form.
 */
@Entity
@Table(name = "service_version")
public class ServiceVersion {

  @Id private UUID id;

  @Column(name = "definition_id", nullable = false, updatable = false)
  private UUID definitionId;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ServiceVersionStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String form;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "fee_rule", nullable = false)
  private String feeRule;

  @Enumerated(EnumType.STRING)
  @Column(name = "required_loa", nullable = false, length = 20)
  private LevelOfAssurance requiredLoa;

  @Column(name = "processing_days", nullable = false)
  private int processingDays;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Version private long version;

  @Transient private FormDefinition parsed;

  protected ServiceVersion() {}

  /** A new draft of {@code definition} numbered {@code number}, holding valid {@code content}. */
  public static ServiceVersion draft(
      UUID id,
      ServiceDefinition definition,
      int number,
      FormDefinitionValidator.Result content,
      Instant now) {
    if (number < 1) {
      throw new IllegalArgumentException("Version numbers start at 1");
    }
    ServiceVersion v = new ServiceVersion();
    v.id = Objects.requireNonNull(id);
    v.definitionId = definition.id();
    v.municipalityId = definition.municipalityId();
    v.number = number;
    v.status = ServiceVersionStatus.DRAFT;
    v.createdAt = now;
    v.apply(content);
    return v;
  }

  /** Replaces the whole content of a draft; a published version refuses. */
  public void replaceContent(FormDefinitionValidator.Result content) {
    requireDraft("edit");
    apply(content);
  }

  /**
   * Freezes this version. Called by {@link ServiceDefinition#publish}, which also makes it the
   * current one; on its own it would leave a published version nobody points to.
   */
  void publish(Instant now) {
    requireDraft("publish");
    status = ServiceVersionStatus.PUBLISHED;
    publishedAt = now;
  }

  private void apply(FormDefinitionValidator.Result content) {
    if (!content.isValid()) {
      throw new IllegalArgumentException("Version content must be valid: " + content.problems());
    }
    FormDefinition definition = content.definition();
    form = content.canonicalJson();
    feeRule = content.feeJson();
    requiredLoa = definition.levelOfAssurance();
    processingDays = definition.processingDays();
    parsed = definition;
  }

  private void requireDraft(String action) {
    if (status != ServiceVersionStatus.DRAFT) {
      throw new IllegalStateException(
          "Version " + number + " of " + definitionId + " is published; cannot " + action);
    }
  }

  public UUID id() {
    return id;
  }

  public UUID definitionId() {
    return definitionId;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public int number() {
    return number;
  }

  public ServiceVersionStatus status() {
    return status;
  }

  public boolean isPublished() {
    return status == ServiceVersionStatus.PUBLISHED;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public LevelOfAssurance requiredLoa() {
    return requiredLoa;
  }

  public int processingDays() {
    return processingDays;
  }

  /** The stored document, e.g. for export or to start the next draft from. */
  public String formJson() {
    return form;
  }

  /**
   * The parsed content; parsed once per loaded instance, and once per node for the same stored
   * document (see {@link ParsedForms}): every page of a form loads its version again, and reading a
   * stored document means validating it against the schema.
   */
  public FormDefinition definition() {
    if (parsed == null) {
      parsed = ParsedForms.read(id, form);
    }
    return parsed;
  }
}
