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
 */
@ApplicationScoped
public class DatabaseTenantScope {

  /**
   * The scope last written into the current transaction (a resource of the transaction). Code that
   * writes the settings itself (a system scope such as retention's) sets it to null, so the next
   * {@link #apply} writes again.
   */
  public static final Object APPLIED = DatabaseTenantScope.class.getName() + ".applied";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Writes {@code scope} into the current transaction, unless this very scope is already in it:
   * every call into a tenant-scoped service applies the caller's scope, and one request calls
   * several (one database round trip each before, issue 16). A different scope in the same
   * transaction is written again.
   */
  public void apply(TenantScope scope) {
    if (!em.isJoinedToTransaction()) {
      throw new TransactionRequiredException(
          "A tenant scope only makes sense inside a transaction");
    }
    if (scope.equals(transactions.getResource(APPLIED))) {
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
    transactions.putResource(APPLIED, scope);
  }
}
