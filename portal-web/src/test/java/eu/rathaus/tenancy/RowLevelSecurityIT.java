package eu.rathaus.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.application.AuditTrail;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.audit.domain.AuditRecord;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation, twice: queries written WITHOUT any municipality filter, run as the portal's own
 * database role, return only the rows of the municipality set for the transaction — PostgreSQL's
 * row-level security stops what the service layer forgot. And the service layer filters on its own.
 */
@ExtendWith(ArquillianExtension.class)
class RowLevelSecurityIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(RowLevelSecurityIT.class);
  }

  @Inject AuditLog auditLog;
  @Inject AuditTrail auditTrail;
  @Inject CallerScope caller;
  @Inject DatabaseTenantScope databaseScope;
  @Inject UserTransaction tx;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @BeforeEach
  void entriesInBothMunicipalities() throws Exception {
    tx.begin();
    auditLog.record(new AuditEvent("rls-it", "test.rls", null, null, MUSTERSTADT, null));
    auditLog.record(new AuditEvent("rls-it", "test.rls", null, null, BEISPIELHEIM, null));
    tx.commit();
  }

  /** The deliberately unscoped query: no WHERE clause on the municipality at all. */
  private Set<UUID> municipalitiesVisibleWith(TenantScope scope) throws Exception {
    tx.begin();
    try {
      if (scope != null) {
        databaseScope.apply(scope);
      }
      List<UUID> seen =
          em.createQuery("select e.municipalityId from AuditEntryEntity e", UUID.class)
              .getResultList();
      return seen.stream().map(id -> id == null ? new UUID(0, 0) : id).collect(Collectors.toSet());
    } finally {
      tx.commit();
    }
  }

  @Test
  void unscopedQueryReturnsOnlyTheCurrentMunicipalitysRows() throws Exception {
    assertEquals(
        Set.of(MUSTERSTADT), municipalitiesVisibleWith(TenantScope.staff(MUSTERSTADT, "mia")));
    assertEquals(
        Set.of(BEISPIELHEIM), municipalitiesVisibleWith(TenantScope.staff(BEISPIELHEIM, "ben")));
  }

  @Test
  void withoutAScopeOrAsCitizenNothingIsVisible() throws Exception {
    assertEquals(Set.of(), municipalitiesVisibleWith(null));
    assertEquals(Set.of(), municipalitiesVisibleWith(TenantScope.citizen("erika")));
    assertEquals(Set.of(), municipalitiesVisibleWith(TenantScope.anonymous()));
  }

  @Test
  void platformSeesEveryMunicipality() throws Exception {
    assertTrue(
        municipalitiesVisibleWith(TenantScope.platform("paula"))
            .containsAll(Set.of(MUSTERSTADT, BEISPIELHEIM)));
  }

  @Test
  void scopeEndsWithItsTransaction() throws Exception {
    tx.begin();
    databaseScope.apply(TenantScope.platform("paula"));
    tx.commit();
    assertEquals(
        Set.of(),
        municipalitiesVisibleWith(null),
        "a pooled connection must not keep the previous scope");
  }

  @Test
  void portalRoleCannotSwitchRowLevelSecurityOff() throws Exception {
    tx.begin();
    try {
      assertThrows(
          Exception.class,
          () ->
              em.createNativeQuery("alter table audit_entry disable row level security")
                  .executeUpdate());
    } finally {
      tx.rollback();
    }
    tx.begin();
    try {
      assertThrows(
          Exception.class, () -> em.createNativeQuery("set role rathaus_owner").executeUpdate());
    } finally {
      tx.rollback();
    }
  }

  @Test
  void serviceLayerScopesTheAuditTrailToTheCallersMunicipality() {
    caller.set(TenantScope.staff(BEISPIELHEIM, "ben"));
    List<AuditRecord> entries = auditTrail.recent(100);
    assertFalse(entries.isEmpty());
    assertTrue(
        entries.stream().allMatch(e -> BEISPIELHEIM.equals(e.municipalityId())), entries::toString);

    caller.set(TenantScope.citizen("erika"));
    assertEquals(List.of(), auditTrail.recent(100));
  }
}
