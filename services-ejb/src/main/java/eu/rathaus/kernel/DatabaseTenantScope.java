package eu.rathaus.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TransactionRequiredException;

/**
 * Writes a tenant scope into PostgreSQL's settings for the current transaction ({@code
 * set_config(…, true)}): they vanish at commit or rollback, so a pooled connection never carries
 * one person's scope into the next transaction.
 */
@ApplicationScoped
public class DatabaseTenantScope {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  public void apply(TenantScope scope) {
    if (!em.isJoinedToTransaction()) {
      throw new TransactionRequiredException(
          "A tenant scope only makes sense inside a transaction");
    }
    em.createNativeQuery(
            "select set_config('rathaus.scope', ?1, true), set_config('rathaus.municipality', ?2, true),"
                + " set_config('rathaus.subject', ?3, true), set_config('rathaus.roles', ?4, true)")
        .setParameter(1, scope.databaseScope())
        .setParameter(2, scope.municipalityId() == null ? "" : scope.municipalityId().toString())
        .setParameter(3, scope.subject() == null ? "" : scope.subject())
        .setParameter(4, scope.databaseRoles())
        .getSingleResult();
  }
}
