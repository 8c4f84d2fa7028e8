package eu.rathaus.tenancy.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.identity.admin.OrganizationDirectory;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import eu.rathaus.tenancy.domain.ReadinessItem;
import eu.rathaus.tenancy.infrastructure.OnboardingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The platform admin's view of all municipalities: their state, and suspending or re-activating
 * one. A suspended municipality disappears from the public directory, its staff lose access to its
 * back office, and its Keycloak organization is disabled; nothing is deleted.
 */
@ApplicationScoped
public class MunicipalityAdministration {

  /** One row of the platform admin's list. */
  public record Row(
      String slug,
      String name,
      String ags,
      String state,
      String emailDomain,
      MunicipalityStatus status,
      String lastError,
      String referenceCode,
      List<ReadinessItem> missing)
      implements Serializable {
    public Row {
      missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public String getReferenceCode() {
      return referenceCode;
    }

    /** "eingerichtet": nothing of the readiness list is missing. */
    public boolean isReady() {
      return missing.isEmpty();
    }

    /** Message keys of what is still missing, in the list's order. */
    public List<String> getMissingKeys() {
      return missing.stream().map(ReadinessItem::messageKey).toList();
    }

    public String getSlug() {
      return slug;
    }

    public String getName() {
      return name;
    }

    public String getAgs() {
      return ags;
    }

    public String getState() {
      return state;
    }

    public String getEmailDomain() {
      return emailDomain;
    }

    public String getStatus() {
      return status.name();
    }

    public String getLastError() {
      return lastError;
    }
  }

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope scope;
  @Inject OrganizationDirectory directory;
  @Inject AuditLog audit;
  @Inject ActiveMunicipalities activeMunicipalities;
  @Inject MunicipalityReadiness readiness;

  @PlatformOnly
  @Transactional
  public List<Row> all() {
    scope.apply(TenantScope.platform("administration"));
    Map<UUID, Set<ReadinessItem>> gaps = readiness.all();
    return em.createQuery("select m from Municipality m order by m.name", Municipality.class)
        .getResultStream()
        .map(
            m -> {
              OnboardingRecord record = em.find(OnboardingRecord.class, m.id());
              return new Row(
                  m.slug(),
                  m.name(),
                  m.ags(),
                  m.state(),
                  m.emailDomain(),
                  m.status(),
                  record == null ? null : record.lastError(),
                  m.referenceCode(),
                  List.copyOf(gaps.getOrDefault(m.id(), Set.of())));
            })
        .toList();
  }

  /** Status of one municipality, for sign-in decisions (suspended staff get no back office). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<MunicipalityStatus> statusOf(String slug) {
    return em.createQuery(
            "select m.status from Municipality m where m.slug = :s", MunicipalityStatus.class)
        .setParameter("s", slug)
        .getResultStream()
        .findFirst();
  }

  @PlatformOnly
  @Transactional
  public boolean suspend(String slug, String actor) {
    return changeStatus(slug, false, actor);
  }

  @PlatformOnly
  @Transactional
  public boolean activate(String slug, String actor) {
    return changeStatus(slug, true, actor);
  }

  private boolean changeStatus(String slug, boolean active, String actor) {
    scope.apply(TenantScope.platform("administration"));
    Optional<Municipality> found =
        em.createQuery("select m from Municipality m where m.slug = :s", Municipality.class)
            .setParameter("s", slug)
            .getResultStream()
            .findFirst();
    if (found.isEmpty() || found.get().status() == MunicipalityStatus.ONBOARDING) {
      return false;
    }
    Municipality municipality = found.get();
    if (active) {
      municipality.activate();
    } else {
      municipality.suspend();
    }
    // Municipalities created from the realm template have no stored organization id yet.
    String organizationId =
        municipality.organizationId() != null
            ? municipality.organizationId()
            : directory.findOrganization(slug).orElse(null);
    if (organizationId != null) {
      // Inside the transaction: if Keycloak refuses, the status change rolls back with it.
      directory.setOrganizationEnabled(organizationId, active);
    }
    // Staff sessions of this municipality see the change at their next request (SessionUser).
    activeMunicipalities.forgetAfterCommit(municipality.id());
    audit.record(
        new AuditEvent(
            actor,
            active ? "municipality.activated" : "municipality.suspended",
            "municipality",
            slug,
            municipality.id(),
            null));
    return true;
  }
}
