package eu.rathaus.audit.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored audit entry, exactly as it sits in table {@code audit_entry}. Used by the verifier, so
 * it mirrors the columns rather than the JPA entity: the verifier must also run outside the
 * application server (the {@code ./rathaus audit-verify} command reads rows over JDBC).
 */
public record AuditRecord(
    long id,
    String chain,
    long seq,
    Instant occurredAt,
    String actor,
    String action,
    String subjectType,
    String subjectId,
    UUID municipalityId,
    String details,
    String prevHash,
    String hash) {

  /** The hash this entry should carry, recomputed from its content and its predecessor's hash. */
  public String expectedHash() {
    return AuditHasher.hash(
        new AuditHasher.Content(
            chain, seq, occurredAt, actor, action, subjectType, subjectId, municipalityId, details),
        prevHash);
  }
}
