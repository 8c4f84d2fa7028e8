package eu.rathaus.audit.infrastructure;

import eu.rathaus.audit.application.AuditAnchorKey;
import eu.rathaus.audit.domain.AuditCheckpoint;
import eu.rathaus.audit.domain.AuditHasher;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.platform.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs a checkpoint of every audit chain that grew since its last one (issue 16), every {@code
 * RATHAUS_AUDIT_CHECKPOINT_SECONDS} (default 60). With several portal nodes only one signs at a
 * time: the transaction takes a PostgreSQL advisory lock first and a node that does not get it
 * skips the round, so checkpoints never overlap. Entries newer than the last checkpoint are
 * protected by the hash chain and the head only; the interval bounds that window.
 */
@ApplicationScoped
public class AuditCheckpointJob {

  private static final Logger LOG = Logger.getLogger(AuditCheckpointJob.class.getName());

  /** The advisory lock's key: an arbitrary constant of this job ("RA" "CP" in ASCII). */
  static final long LOCK = 0x5241_4350L;

  /** Hashes per checkpoint row at most, so a long backlog becomes several rows. */
  static final int MAX_HASHES = 5_000;

  @Resource ManagedScheduledExecutorService scheduler;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope databaseScope;
  @Inject AuditCheckpointJob self;

  private ScheduledFuture<?> task;
  private volatile boolean warned;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    long seconds = Math.max(5, Settings.number("RATHAUS_AUDIT_CHECKPOINT_SECONDS", 60));
    task = scheduler.scheduleWithFixedDelay(this::round, seconds, seconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void round() {
    try {
      self.checkpointNow();
      warned = false;
    } catch (RuntimeException e) {
      // Typically the database is away (readiness reports that); say it once per outage.
      if (!warned) {
        LOG.log(Level.WARNING, "Audit checkpoint not written, will retry: {0}", e.toString());
        warned = true;
      }
    }
  }

  /**
   * Signs checkpoints for every chain with unanchored entries; returns how many were written (0
   * when another node holds the lock).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int checkpointNow() {
    Object locked =
        em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
            .setParameter(1, LOCK)
            .getSingleResult();
    if (!Boolean.TRUE.equals(locked)) {
      return 0;
    }
    databaseScope.apply(TenantScope.platform("audit-checkpoint"));
    byte[] key = AuditAnchorKey.current();
    int written = 0;
    @SuppressWarnings("unchecked")
    List<Object[]> heads =
        em.createNativeQuery("select chain, last_seq from audit_chain_head order by chain")
            .getResultList();
    for (Object[] head : heads) {
      String chain = (String) head[0];
      long lastSeq = ((Number) head[1]).longValue();
      written += checkpoint(key, chain, lastSeq);
    }
    return written;
  }

  private int checkpoint(byte[] key, String chain, long lastSeq) {
    @SuppressWarnings("unchecked")
    List<Object[]> previous =
        em.createNativeQuery(
                "select to_seq, mac from audit_checkpoint where chain = ?1 order by to_seq desc limit 1")
            .setParameter(1, chain)
            .getResultList();
    long anchored = previous.isEmpty() ? 0 : ((Number) previous.get(0)[0]).longValue();
    String prevMac = previous.isEmpty() ? AuditHasher.GENESIS : (String) previous.get(0)[1];
    int written = 0;
    while (anchored < lastSeq) {
      long upTo = Math.min(lastSeq, anchored + MAX_HASHES);
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "select seq, hash from audit_entry where chain = ?1 and seq > ?2 and seq <= ?3 order by seq")
              .setParameter(1, chain)
              .setParameter(2, anchored)
              .setParameter(3, upTo)
              .getResultList();
      List<String> hashes = rows.stream().map(r -> (String) r[1]).toList();
      if (hashes.size() != upTo - anchored
          || ((Number) rows.get(0)[0]).longValue() != anchored + 1) {
        // A gap: never sign a damaged chain; the verifier names the damage.
        LOG.log(
            Level.WARNING,
            "Audit chain {0} has a gap after seq {1}: not signed",
            new Object[] {chain, anchored});
        return written;
      }
      AuditCheckpoint checkpoint =
          AuditCheckpoint.sign(
              key, chain, anchored + 1, hashes, prevMac, System.currentTimeMillis());
      em.createNativeQuery(
              "insert into audit_checkpoint (chain, from_seq, to_seq, hashes, prev_mac, created_ms, mac)"
                  + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .setParameter(1, chain)
          .setParameter(2, checkpoint.fromSeq())
          .setParameter(3, checkpoint.toSeq())
          .setParameter(4, checkpoint.joinedHashes())
          .setParameter(5, checkpoint.prevMac())
          .setParameter(6, checkpoint.createdMs())
          .setParameter(7, checkpoint.mac())
          .executeUpdate();
      // A copy outside PostgreSQL: the server log (and whatever collects it) keeps each signature,
      // so a superuser who deletes the newest checkpoints and lets the job re-sign rewritten
      // entries still leaves signatures behind that no longer match.
      LOG.log(
          Level.INFO,
          "Audit checkpoint signed: chain {0}, seq {1}..{2}, mac {3}",
          new Object[] {
            chain,
            Long.toString(checkpoint.fromSeq()),
            Long.toString(checkpoint.toSeq()),
            checkpoint.mac()
          });
      anchored = checkpoint.toSeq();
      prevMac = checkpoint.mac();
      written++;
    }
    return written;
  }
}
