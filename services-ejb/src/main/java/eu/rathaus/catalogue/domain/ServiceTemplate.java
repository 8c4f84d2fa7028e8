package eu.rathaus.catalogue.domain;

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
 * A service described once for all municipalities, keyed by its service key from the German service
 * catalogue (LeiKa/FIM), with a ready-made form. Municipalities adopt it into their own {@link
 * ServiceDefinition} and change what differs locally (fee, deadline, extra fields), so the common
 * part is written once and the same service looks alike across the platform.
 *
 * <p>Templates belong to the platform, not to a municipality: only the platform scope may write
 * them (enforced by row-level security as well).
 */
@Entity
@Table(name = "service_template")
public class ServiceTemplate {

  @Id private UUID id;

  @Column(name = "service_key", nullable = false, length = 40, unique = true)
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

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String form;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected ServiceTemplate() {}

  /** A template with a form that passed {@link FormDefinitionValidator}. */
  public ServiceTemplate(
      UUID id,
      String serviceKey,
      String category,
      LocalizedText title,
      LocalizedText description,
      FormDefinitionValidator.Result form,
      Instant now) {
    if (!form.isValid()) {
      throw new IllegalArgumentException("A template needs a valid form: " + form.problems());
    }
    this.id = Objects.requireNonNull(id);
    this.serviceKey = requireKey(serviceKey);
    this.category = Objects.requireNonNull(category);
    this.titleDe = title.de();
    this.titleEn = title.en();
    this.descriptionDe = description.de();
    this.descriptionEn = description.en();
    this.form = form.canonicalJson();
    this.createdAt = now;
  }

  static String requireKey(String serviceKey) {
    if (serviceKey == null || !serviceKey.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException("Service key must be 1-40 letters, digits, dots, dashes");
    }
    return serviceKey;
  }

  public UUID id() {
    return id;
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

  /** The canonical JSON of the template's form, the starting point of an adopting definition. */
  public String formJson() {
    return form;
  }
}
