package eu.rathaus.tenancy.application;

import eu.rathaus.tenancy.domain.MunicipalityStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a municipality is active right now, asked on every staff request (issue 10: a suspension
 * takes effect on live sessions, not at the next sign-in). One primary-key read per municipality at
 * most every {@link #MAX_AGE}; a status change on this node forgets the entry at once, other nodes
 * of a cluster follow within {@link #MAX_AGE}.
 */
@ApplicationScoped
public class ActiveMunicipalities {

  /** How long a read status is trusted; the promise to users is "within one minute". */
  public static final Duration MAX_AGE = Duration.ofSeconds(20);

  private record Known(boolean active, long readAtNanos) {}

  private final ConcurrentHashMap<UUID, Known> known = new ConcurrentHashMap<>();

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** True when the municipality exists and is ACTIVE; unknown ids are not active. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isActive(UUID municipalityId) {
    if (municipalityId == null) {
      return false;
    }
    long now = System.nanoTime();
    Known entry = known.get(municipalityId);
    if (entry != null && now - entry.readAtNanos() < MAX_AGE.toNanos()) {
      return entry.active();
    }
    // Municipality rows are readable in every scope (V17), so no scope is needed for this read.
    boolean active =
        em.createQuery(
                "select m.status from Municipality m where m.id = :id", MunicipalityStatus.class)
            .setParameter("id", municipalityId)
            .getResultStream()
            .findFirst()
            .filter(status -> status == MunicipalityStatus.ACTIVE)
            .isPresent();
    known.put(municipalityId, new Known(active, now));
    return active;
  }

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Forgets the municipality once the current transaction has ended, so no request in between can
   * cache the status from before the change (and forgets it at once when there is no transaction).
   */
  public void forgetAfterCommit(UUID municipalityId) {
    forget(municipalityId);
    if (transactions != null && transactions.getTransactionKey() != null) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              forget(municipalityId);
            }
          });
    }
  }

  /** Drops what is known about a municipality, so the next request reads its status again. */
  public void forget(UUID municipalityId) {
    if (municipalityId != null) {
      known.remove(municipalityId);
    }
  }
}
