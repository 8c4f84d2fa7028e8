package eu.rathaus.kernel;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Writes a tenant scope into PostgreSQL's settings for the current transaction ({@code
 * set_config(…, true)}): they vanish at commit or rollback, so a pooled connection never carries
 * one person's scope into the next transaction.
 *
 * <p>The scope last written is remembered with the transaction (a resource of the JTA transaction,
 * gone with it): a second service call in the same transaction with the same scope costs no round
 * trip, a different scope is written as before. Code that writes these settings by other means must
 * call {@link #writtenElsewhere()} afterwards.
 */
@ApplicationScoped
public class DatabaseTenantScope {

  /** Key of the scope written in the current transaction (a transaction resource). */
  private static final Object WRITTEN = DatabaseTenantScope.class.getName() + ".written";

  /** Stands for "unknown settings" (a registry may refuse null values). */
  private static final Object UNKNOWN = new Object();

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  public void apply(TenantScope scope) {
    if (!em.isJoinedToTransaction()) {
      throw new TransactionRequiredException(
          "A tenant scope only makes sense inside a transaction");
    }
    if (scope.equals(transactions.getResource(WRITTEN))) {
      return;
    }
    em.createNativeQuery(
            "select set_config('rathaus.scope', ?1, true), set_config('rathaus.municipality', ?2, true),"
                + " set_config('rathaus.subject', ?3, true), set_config('rathaus.roles', ?4, true)")
        .setParameter(1, scope.databaseScope())
        .setParameter(2, scope.municipalityId() == null ? "" : scope.municipalityId().toString())
        .setParameter(3, scope.subject() == null ? "" : scope.subject())
        .setParameter(4, scope.databaseRoles())
        .getSingleResult();
    transactions.putResource(WRITTEN, scope);
  }

  /**
   * The scope settings of the current transaction were written by other code (e.g. the retention
   * job's own scope): the next {@link #apply} writes again whatever it is given.
   */
  public void writtenElsewhere() {
    if (em.isJoinedToTransaction()) {
      transactions.putResource(WRITTEN, UNKNOWN);
    }
  }
}
