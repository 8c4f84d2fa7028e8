package eu.rathaus.handoff.domain;

import java.time.Instant;
import java.util.UUID;

/** A submission handed off to a destination, without its (encrypted) content. */
public record HandedOff(
    UUID id,
    UUID municipalityId,
    UUID destinationId,
    UUID applicationId,
    UUID caseId,
    String referenceNumber,
    String serviceKey,
    Status status,
    Instant createdAt,
    int fetchCount,
    Instant acknowledgedAt,
    String rejectReason) {

  /** PENDING: offered to the destination; then acknowledged or rejected, once. */
  public enum Status {
    PENDING,
    ACKNOWLEDGED,
    REJECTED
  }
}
