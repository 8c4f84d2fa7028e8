package eu.rathaus.catalogue.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A PostgreSQL advisory lock held until the end of the current transaction, so start-up seeding in
 * two portal instances on one database runs one after the other. Transaction-bound: it can never be
 * left behind by a crashed instance.
 */
@ApplicationScoped
public class SeedLock {

  /** Arbitrary but fixed: the same number in every instance names the same lock. */
  private static final long KEY = 0x5241544841555331L;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  public void lock() {
    em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked")
        .setParameter(1, KEY)
        .getSingleResult();
  }
}
