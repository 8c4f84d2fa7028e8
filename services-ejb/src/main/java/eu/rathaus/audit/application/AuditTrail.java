package eu.rathaus.audit.application;

import eu.rathaus.audit.domain.AuditRecord;
import eu.rathaus.audit.infrastructure.AuditEntryEntity;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Reading the audit log (who did what, when). Scoped twice: the query filters by the caller's
 * municipality, and row-level security checks the same scope in PostgreSQL.
 */
@ApplicationScoped
public class AuditTrail {

  private static final int MAX = 500;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;

  @Transactional
  @TenantScoped
  public List<AuditRecord> recent(int limit) {
    TenantScope scope = caller.get();
    int max = Math.max(1, Math.min(limit, MAX));
    return switch (scope.kind()) {
      case PLATFORM ->
          em.createQuery(
                  "select e from AuditEntryEntity e order by e.id desc", AuditEntryEntity.class)
              .setMaxResults(max)
              .getResultStream()
              .map(AuditEntryEntity::toRecord)
              .toList();
      case STAFF ->
          em.createQuery(
                  "select e from AuditEntryEntity e where e.municipalityId = :m order by e.id desc",
                  AuditEntryEntity.class)
              .setParameter("m", scope.municipalityId())
              .setMaxResults(max)
              .getResultStream()
              .map(AuditEntryEntity::toRecord)
              .toList();
      default -> List.of();
    };
  }
}
