package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.domain.ScanStatus;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored attachment: metadata in clear, the file's bytes only as AES-GCM ciphertext under the
 * municipality's data key of {@code keyVersion}. The ciphertext is loaded lazily so listings never
 * pull the files.
 */
@Entity
@Table(name = "attachment")
public class AttachmentEntity {

  @Id private UUID id;

  @Column(name = "municipality_id", nullable = false)
  private UUID municipalityId;

  @Column(name = "owner_subject", nullable = false, length = 255)
  private String ownerSubject;

  @Column(name = "draft_id")
  private UUID draftId;

  @Column(name = "application_id")
  private UUID applicationId;

  /** The mailbox message the file was sent with (issue 5); null for application files. */
  @Column(name = "message_id")
  private UUID messageId;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "content_type", nullable = false, length = 100)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Enumerated(EnumType.STRING)
  @Column(name = "scan_status", nullable = false, length = 20)
  private ScanStatus scanStatus;

  @Column(name = "scan_detail", length = 200)
  private String scanDetail;

  @Column(name = "key_version", nullable = false)
  private int keyVersion;

  /** The file's own key (V53); null for files sealed with the municipality's key directly. */
  @Column(name = "file_key_id")
  private UUID fileKeyId;

  @Column(name = "nonce", nullable = false)
  private byte[] nonce;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "ciphertext", nullable = false)
  private byte[] ciphertext;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AttachmentEntity() {}

  @SuppressWarnings("java:S107")
  AttachmentEntity(
      UUID id,
      UUID municipalityId,
      String ownerSubject,
      UUID draftId,
      UUID messageId,
      String displayName,
      String contentType,
      long sizeBytes,
      String sha256,
      ScanStatus scanStatus,
      String scanDetail,
      UUID fileKeyId,
      int keyVersion,
      byte[] nonce,
      byte[] ciphertext) {
    this.id = id;
    this.municipalityId = municipalityId;
    this.ownerSubject = ownerSubject;
    this.draftId = draftId;
    this.messageId = messageId;
    this.displayName = displayName;
    this.contentType = contentType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.scanStatus = scanStatus;
    this.scanDetail = scanDetail;
    this.fileKeyId = fileKeyId;
    this.keyVersion = keyVersion;
    this.nonce = nonce;
    this.ciphertext = ciphertext;
    this.createdAt = Instant.now();
  }

  UUID fileKeyId() {
    return fileKeyId;
  }

  UUID id() {
    return id;
  }

  UUID municipalityId() {
    return municipalityId;
  }

  UUID messageId() {
    return messageId;
  }

  String displayName() {
    return displayName;
  }

  String contentType() {
    return contentType;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  String sha256() {
    return sha256;
  }

  int keyVersion() {
    return keyVersion;
  }

  byte[] nonce() {
    return nonce;
  }

  byte[] ciphertext() {
    return ciphertext;
  }

  AttachmentSummary toSummary() {
    return new AttachmentSummary(
        id, displayName, contentType, sizeBytes, sha256, scanStatus, draftId, createdAt);
  }
}
