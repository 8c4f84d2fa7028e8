package eu.rathaus.notices.infrastructure;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * An issued notice ({@code decision_notice}): the decision in clear, the PDF only as AES-GCM
 * ciphertext under the municipality's data key of {@code keyVersion}. Immutable, like the portal's
 * grants: a notice is evidence of what was decided and delivered.
 */
@Entity
@Immutable
@Table(name = "decision_notice")
public class DecisionNoticeEntity {

  @Id private UUID id;

  @Column(name = "case_id", nullable = false)
  private UUID caseId;

  @Column(name = "municipality_id", nullable = false)
  private UUID municipalityId;

  @Column(name = "applicant_subject", nullable = false, length = 255)
  private String applicantSubject;

  @Column(nullable = false)
  private boolean approved;

  @Column(nullable = false, length = 8000)
  private String reasons;

  @Column(name = "file_name", nullable = false, length = 200)
  private String fileName;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "key_version", nullable = false)
  private int keyVersion;

  /** The notice's own key (V53); null for notices sealed with the municipality's key directly. */
  @Column(name = "file_key_id")
  private UUID fileKeyId;

  @Column(nullable = false)
  private byte[] nonce;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] ciphertext;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 255)
  private String createdBy;

  protected DecisionNoticeEntity() {}

  public DecisionNoticeEntity(
      UUID id,
      UUID caseId,
      UUID municipalityId,
      String applicantSubject,
      boolean approved,
      String reasons,
      String fileName,
      long sizeBytes,
      String sha256,
      UUID fileKeyId,
      int keyVersion,
      byte[] nonce,
      byte[] ciphertext,
      Instant createdAt,
      String createdBy) {
    this.id = id;
    this.caseId = caseId;
    this.municipalityId = municipalityId;
    this.applicantSubject = applicantSubject;
    this.approved = approved;
    this.reasons = reasons;
    this.fileName = fileName;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.fileKeyId = fileKeyId;
    this.keyVersion = keyVersion;
    this.nonce = nonce;
    this.ciphertext = ciphertext;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public boolean approved() {
    return approved;
  }

  public String fileName() {
    return fileName;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public UUID fileKeyId() {
    return fileKeyId;
  }

  public int keyVersion() {
    return keyVersion;
  }

  public byte[] nonce() {
    return nonce;
  }

  public byte[] ciphertext() {
    return ciphertext;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
