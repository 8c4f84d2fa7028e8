package eu.rathaus.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A municipality: the tenant of Rathaus. Every tenant-owned row in the database carries its id.
 *
 * <p>The slug is the stable, human-readable name used in URLs and as the Keycloak organization
 * alias; the AGS (Amtlicher Gemeindeschlüssel, 8 digits) is the official key that links the tenant
 * to state registers and statistics.
 */
@Entity
@Table(name = "municipality")
public class Municipality {

  @Id private UUID id;

  @Column(nullable = false, length = 63, unique = true)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 8, unique = true)
  private String ags;

  @Column(nullable = false, length = 40)
  private String state;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private MunicipalityStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "email_domain", length = 253)
  private String emailDomain;

  @Column(name = "organization_id", length = 64)
  private String organizationId;

  /**
   * The treasury account citizens pay into (V12); unset until the municipality's admin enters it.
   */
  @Column(name = "payee_name", length = 70)
  private String payeeName;

  @Column(name = "payee_iban", length = 34)
  private String payeeIban;

  @Column(name = "payee_bic", length = 11)
  private String payeeBic;

  /** The three capital letters of its Aktenzeichen and Kassenzeichen (V3, required since V18). */
  @Column(name = "reference_code", nullable = false, length = 3, unique = true)
  private String referenceCode;

  @Version private long version;

  protected Municipality() {}

  public Municipality(
      UUID id,
      String slug,
      String name,
      String ags,
      String state,
      String emailDomain,
      String referenceCode) {
    if (ags == null || !ags.matches("\\d{8}")) {
      throw new IllegalArgumentException("AGS must have 8 digits");
    }
    if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
      throw new IllegalArgumentException("slug must be lower-case letters, digits and dashes");
    }
    this.id = id;
    this.slug = slug;
    this.name = name;
    this.ags = ags;
    this.state = state;
    this.emailDomain = emailDomain;
    changeReferenceCode(referenceCode);
    this.status = MunicipalityStatus.ONBOARDING;
    this.createdAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String ags() {
    return ags;
  }

  public String state() {
    return state;
  }

  public MunicipalityStatus status() {
    return status;
  }

  public String emailDomain() {
    return emailDomain;
  }

  public String organizationId() {
    return organizationId;
  }

  /** Links the tenant to its organization in the identity provider (set once by onboarding). */
  public void linkOrganization(String organizationId) {
    this.organizationId = organizationId;
  }

  public String referenceCode() {
    return referenceCode;
  }

  /**
   * Sets the code printed in reference numbers. Only while no application carries it: the caller
   * checks that (the database refuses it too, V18).
   */
  public void changeReferenceCode(String code) {
    if (!ReferenceCode.isValid(code)) {
      throw new IllegalArgumentException("A reference code is three capital letters");
    }
    this.referenceCode = code;
  }

  public void activate() {
    status = MunicipalityStatus.ACTIVE;
  }

  public void suspend() {
    status = MunicipalityStatus.SUSPENDED;
  }

  public String payeeName() {
    return payeeName;
  }

  /** The payee IBAN in electronic form (no spaces), validated by whoever sets it. */
  public String payeeIban() {
    return payeeIban;
  }

  public String payeeBic() {
    return payeeBic;
  }

  /** Sets the treasury account; the caller has validated the IBAN (mod 97) and the BIC's form. */
  public void changePayee(String name, String iban, String bic) {
    this.payeeName = name;
    this.payeeIban = iban;
    this.payeeBic = bic;
  }
}
