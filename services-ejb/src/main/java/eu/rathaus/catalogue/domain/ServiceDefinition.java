package eu.rathaus.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A service as one municipality offers it: adopted from a shared {@link ServiceTemplate} or made
 * from scratch, with its own title and description (local overrides) and a line of {@link
 * ServiceVersion}s.
 *
 * <p>The definition is the aggregate root for publishing: it decides which published version is
 * current, so "publish" is one operation that freezes the draft and moves the pointer together.
 * Older versions stay untouched for the drafts and applications pinned to them. Retiring hides the
 * service from the catalogue without deleting anything.
 */
@Entity
@Table(name = "service_definition")
public class ServiceDefinition {

  @Id private UUID id;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Column(name = "template_id", updatable = false)
  private UUID templateId;

  @Column(name = "service_key", nullable = false, length = 40, updatable = false)
  private String serviceKey;

  @Column(nullable = false, length = 60)
  private String category;

  @Column(name = "title_de", nullable = false, length = 200)
  private String titleDe;

  @Column(name = "title_en", length = 200)
  private String titleEn;

  @Column(name = "description_de", nullable = false, length = 4000)
  private String descriptionDe;

  @Column(name = "description_en", length = 4000)
  private String descriptionEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ServiceDefinitionStatus status;

  @Column(name = "current_version_id")
  private UUID currentVersionId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Version private long version;

  protected ServiceDefinition() {}

  /**
   * Adopts a template: the municipality starts from the shared texts and may override them later.
   */
  public static ServiceDefinition adopt(
      UUID id, UUID municipalityId, ServiceTemplate template, Instant now) {
    ServiceDefinition d =
        fromScratch(
            id,
            municipalityId,
            template.serviceKey(),
            template.category(),
            template.title(),
            template.description(),
            now);
    d.templateId = template.id();
    return d;
  }

  /** A service of this municipality only, not based on a template. */
  public static ServiceDefinition fromScratch(
      UUID id,
      UUID municipalityId,
      String serviceKey,
      String category,
      LocalizedText title,
      LocalizedText description,
      Instant now) {
    ServiceDefinition d = new ServiceDefinition();
    d.id = Objects.requireNonNull(id);
    d.municipalityId = Objects.requireNonNull(municipalityId);
    d.serviceKey = ServiceTemplate.requireKey(serviceKey);
    d.status = ServiceDefinitionStatus.ACTIVE;
    d.createdAt = now;
    d.describe(category, title, description);
    return d;
  }

  /** Local override of the texts shown in the catalogue. */
  public void describe(String category, LocalizedText title, LocalizedText description) {
    this.category = Objects.requireNonNull(category);
    this.titleDe = title.de();
    this.titleEn = title.en();
    this.descriptionDe = description.de();
    this.descriptionEn = description.en();
  }

  /**
   * Freezes {@code draft} and makes it the version new applications start on. Refused for a retired
   * service (publishing would bring it back unnoticed) and for a version of another definition.
   */
  public void publish(ServiceVersion draft, Instant now) {
    if (!draft.definitionId().equals(id)) {
      throw new IllegalArgumentException("Version " + draft.id() + " belongs to another service");
    }
    if (status == ServiceDefinitionStatus.RETIRED) {
      throw new IllegalStateException(
          "Service " + serviceKey + " is retired; reactivate it before publishing");
    }
    draft.publish(now);
    currentVersionId = draft.id();
  }

  /** Hides the service from the catalogue; pinned drafts and applications keep their versions. */
  public void retire(Instant now) {
    if (status != ServiceDefinitionStatus.RETIRED) {
      status = ServiceDefinitionStatus.RETIRED;
      retiredAt = now;
    }
  }

  /** Shows a retired service again, with the version that was current when it was retired. */
  public void reactivate() {
    status = ServiceDefinitionStatus.ACTIVE;
    retiredAt = null;
  }

  /** True if citizens can find and start this service. */
  public boolean isOffered() {
    return status == ServiceDefinitionStatus.ACTIVE && currentVersionId != null;
  }

  public UUID id() {
    return id;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public UUID templateId() {
    return templateId;
  }

  public String serviceKey() {
    return serviceKey;
  }

  public String category() {
    return category;
  }

  public LocalizedText title() {
    return new LocalizedText(titleDe, titleEn);
  }

  public LocalizedText description() {
    return new LocalizedText(descriptionDe, descriptionEn);
  }

  public ServiceDefinitionStatus status() {
    return status;
  }

  public UUID currentVersionId() {
    return currentVersionId;
  }
}
