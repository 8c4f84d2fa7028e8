package eu.rathaus.attachments.application;

import eu.rathaus.attachments.domain.ScanStatus;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * What the portal shows of a stored attachment (never its bytes). Bean getters because Jakarta EL 5
 * does not read record components.
 */
public record AttachmentSummary(
    UUID id,
    String displayName,
    String contentType,
    long sizeBytes,
    String sha256,
    ScanStatus scanStatus,
    UUID draftId,
    Instant createdAt)
    implements Serializable {

  public UUID getId() {
    return id;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public ScanStatus getScanStatus() {
    return scanStatus;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
