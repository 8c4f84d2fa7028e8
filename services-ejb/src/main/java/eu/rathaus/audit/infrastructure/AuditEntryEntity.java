package eu.rathaus.audit.infrastructure;

import eu.rathaus.audit.domain.AuditRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * Read-only JPA view of table {@code audit_entry}. Entries are only ever inserted by {@link
 * JpaAuditLog} with native SQL (it must lock the chain head in the same statement sequence), and
 * the database refuses updates and deletes, so the mapping is {@link Immutable}.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntryEntity {

  @Id private long id;

  @Column(nullable = false, length = 80)
  private String chain;

  @Column(nullable = false)
  private long seq;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 200)
  private String actor;

  @Column(nullable = false, length = 100)
  private String action;

  @Column(name = "subject_type", length = 60)
  private String subjectType;

  @Column(name = "subject_id", length = 200)
  private String subjectId;

  @Column(name = "municipality_id")
  private UUID municipalityId;

  @Column(length = 4000)
  private String details;

  @Column(name = "prev_hash", nullable = false, length = 64)
  private String prevHash;

  @Column(nullable = false, length = 64)
  private String hash;

  protected AuditEntryEntity() {}

  public AuditRecord toRecord() {
    return new AuditRecord(
        id,
        chain,
        seq,
        occurredAt,
        actor,
        action,
        subjectType,
        subjectId,
        municipalityId,
        details,
        prevHash,
        hash);
  }
}
