package eu.rathaus.audit.infrastructure;

import eu.rathaus.audit.application.AuditAnchorKey;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditChainVerifier;
import eu.rathaus.audit.domain.AuditChainVerifier.ChainHead;
import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.audit.domain.AuditCheckpoint;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.audit.domain.AuditHasher;
import eu.rathaus.audit.domain.AuditRecord;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends entries with native SQL so that only the chain's head row is locked ({@code SELECT … FOR
 * UPDATE}): entries of one municipality are serialised, different municipalities never wait for
 * each other.
 */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope tenantScope;

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public long record(AuditEvent event) {
    String chain = event.chain();
    em.createNativeQuery(
            "insert into audit_chain_head (chain, last_seq, last_hash) values (?1, 0, ?2) on conflict (chain) do nothing")
        .setParameter(1, chain)
        .setParameter(2, AuditHasher.GENESIS)
        .executeUpdate();
    Object[] head =
        (Object[])
            em.createNativeQuery(
                    "select last_seq, last_hash from audit_chain_head where chain = ?1 for update")
                .setParameter(1, chain)
                .getSingleResult();
    long seq = ((Number) head[0]).longValue() + 1;
    String prevHash = (String) head[1];
    Instant now = AuditHasher.storable(Instant.now());
    String hash =
        AuditHasher.hash(
            new AuditHasher.Content(
                chain,
                seq,
                now,
                event.actor(),
                event.action(),
                event.subjectType(),
                event.subjectId(),
                event.municipalityId(),
                event.details()),
            prevHash);
    em.createNativeQuery(
            "insert into audit_entry (chain, seq, occurred_at, actor, action, subject_type, subject_id,"
                + " municipality_id, details, prev_hash, hash) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .setParameter(1, chain)
        .setParameter(2, seq)
        .setParameter(3, now)
        .setParameter(4, event.actor())
        .setParameter(5, event.action())
        .setParameter(6, event.subjectType())
        .setParameter(7, event.subjectId())
        .setParameter(8, event.municipalityId())
        .setParameter(9, event.details())
        .setParameter(10, prevHash)
        .setParameter(11, hash)
        .executeUpdate();
    em.createNativeQuery(
            "update audit_chain_head set last_seq = ?1, last_hash = ?2 where chain = ?3")
        .setParameter(1, seq)
        .setParameter(2, hash)
        .setParameter(3, chain)
        .executeUpdate();
    return seq;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public VerificationResult verify() {
    // Verifying the chain is a platform operation: it must see every chain, whoever triggers it,
    // and it runs in a transaction of its own so the wider scope ends with it.
    tenantScope.apply(TenantScope.platform("audit-verification"));
    List<AuditRecord> entries =
        em.createQuery(
                "select e from AuditEntryEntity e order by e.chain, e.seq", AuditEntryEntity.class)
            .getResultStream()
            .map(AuditEntryEntity::toRecord)
            .toList();
    Map<String, ChainHead> heads = new HashMap<>();
    em.createQuery("select h from AuditChainHeadEntity h", AuditChainHeadEntity.class)
        .getResultStream()
        .forEach(h -> heads.put(h.chain(), new ChainHead(h.lastSeq(), h.lastHash())));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select chain, from_seq, to_seq, hashes, prev_mac, created_ms, mac from audit_checkpoint"
                    + " order by chain, from_seq")
            .getResultList();
    List<AuditCheckpoint> checkpoints =
        rows.stream()
            .map(
                r ->
                    new AuditCheckpoint(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        AuditCheckpoint.splitHashes((String) r[3]),
                        (String) r[4],
                        ((Number) r[5]).longValue(),
                        (String) r[6]))
            .toList();
    return AuditChainVerifier.verify(entries, heads, checkpoints, AuditAnchorKey.current());
  }
}
