package eu.rathaus.audit.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** Read-only JPA view of a chain head: the last sequence number and hash of one audit chain. */
@Entity
@Immutable
@Table(name = "audit_chain_head")
public class AuditChainHeadEntity {

  @Id
  @Column(length = 80)
  private String chain;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHeadEntity() {}

  public String chain() {
    return chain;
  }

  public long lastSeq() {
    return lastSeq;
  }

  public String lastHash() {
    return lastHash;
  }
}
