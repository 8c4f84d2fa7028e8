package eu.rathaus.retention.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The legal hold on a case (litigation, an objection, an audit): while it is set the erasure engine
 * keeps the case whatever its dates say. A clerk of the case's municipality sets it with a reason
 * and lifts it; both are audited. The reason should name the proceeding, not the person.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class LegalHolds {

  public static final int REASON_MAX = 500;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject AuditLog audit;

  /** The hold's reason if one is set on the caller's municipality's case. */
  public Optional<String> of(UUID caseId) {
    List<?> rows =
        em.createNativeQuery(
                "select legal_hold_reason from case_record where id = ?1 and municipality_id = ?2"
                    + " and legal_hold_reason is not null")
            .setParameter(1, caseId)
            .setParameter(2, municipality())
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
  }

  /**
   * Sets (or replaces) the hold. False if the reason is blank or too long, or the case is not one
   * of the municipality's (or already erased).
   */
  public boolean set(UUID caseId, String reason) {
    UUID municipality = municipality();
    String clean = reason == null ? "" : reason.strip();
    if (clean.isEmpty() || clean.length() > REASON_MAX) {
      return false;
    }
    int changed =
        em.createNativeQuery(
                "update case_record set legal_hold_reason = ?3, legal_hold_at = now(), legal_hold_by = ?4,"
                    + " version = version + 1"
                    + " where id = ?1 and municipality_id = ?2 and erased_at is null")
            .setParameter(1, caseId)
            .setParameter(2, municipality)
            .setParameter(3, clean)
            .setParameter(4, caller.get().subject())
            .executeUpdate();
    if (changed == 1) {
      audit.record(
          new AuditEvent(
              caller.get().subject(),
              "case.legal-hold.set",
              "case_record",
              caseId.toString(),
              municipality,
              "reason=" + clean));
    }
    return changed == 1;
  }

  /** Lifts the hold; false if there was none on a case of the municipality. */
  public boolean lift(UUID caseId) {
    UUID municipality = municipality();
    int changed =
        em.createNativeQuery(
                "update case_record set legal_hold_reason = null, legal_hold_at = null, legal_hold_by = null,"
                    + " version = version + 1"
                    + " where id = ?1 and municipality_id = ?2 and legal_hold_at is not null")
            .setParameter(1, caseId)
            .setParameter(2, municipality)
            .executeUpdate();
    if (changed == 1) {
      audit.record(
          new AuditEvent(
              caller.get().subject(),
              "case.legal-hold.lifted",
              "case_record",
              caseId.toString(),
              municipality,
              null));
    }
    return changed == 1;
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Only the municipality's staff set a legal hold");
    }
    return scope.municipalityId();
  }
}
