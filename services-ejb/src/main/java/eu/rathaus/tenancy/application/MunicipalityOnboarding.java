package eu.rathaus.tenancy.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.identity.admin.OrganizationDirectory;
import eu.rathaus.identity.admin.OrganizationDirectory.DirectoryException;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import eu.rathaus.tenancy.domain.ReferenceCode;
import eu.rathaus.tenancy.infrastructure.OnboardingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Onboards a municipality as one operation that can be repeated: tenant row, Keycloak organization,
 * first municipal admin (account, role, membership) and the e-mail with which they set their
 * password. The identity provider is not transactional, so every step is idempotent and its
 * completion is stored; after a failure half-way, running it again converges on the same end state
 * without duplicates. Every step lands in the platform's audit chain.
 */
@ApplicationScoped
public class MunicipalityOnboarding {

  private static final Logger LOG = Logger.getLogger(MunicipalityOnboarding.class.getName());

  @Inject Steps steps;
  @Inject OrganizationDirectory directory;

  /** The portal address the invited admin returns to after setting a password. */
  @Inject PortalAddress portal;

  @PlatformOnly
  public OnboardingOutcome onboard(OnboardingRequest input, String actor) {
    OnboardingRequest request = input.normalised();
    List<FieldProblem> problems = new ArrayList<>(request.validate());
    if (!problems.isEmpty()) {
      return OnboardingOutcome.invalid(problems);
    }
    Steps.Tenant tenant;
    try {
      tenant = steps.ensureTenant(request, actor);
    } catch (ConflictException conflict) {
      return OnboardingOutcome.invalid(List.of(conflict.problem));
    }
    if (tenant.completed()) {
      return OnboardingOutcome.completed();
    }
    try {
      String organizationId =
          directory.ensureOrganization(request.slug(), request.name(), request.emailDomain());
      steps.organizationLinked(tenant.id(), organizationId, actor);
      if (request.idpDiscoveryUrl() != null) {
        directory.ensureIdentityProvider(
            organizationId,
            request.slug() + "-verzeichnis",
            request.idpDiscoveryUrl(),
            request.idpClientId(),
            request.idpClientSecret(),
            request.emailDomain());
        steps.identityProviderLinked(tenant.id(), request.slug() + "-verzeichnis", actor);
      }
      String accountId =
          directory.ensureMember(
              organizationId,
              request.adminEmail(),
              request.adminFirstName(),
              request.adminLastName(),
              "municipal-admin");
      boolean invite = steps.adminAccountKnown(tenant.id(), accountId, actor);
      if (invite) {
        directory.sendPasswordSetupMail(accountId, portal.baseUrl() + "/login");
        steps.invitationSent(tenant.id(), actor);
      }
      steps.complete(tenant.id(), actor);
      return OnboardingOutcome.completed();
    } catch (DirectoryException e) {
      LOG.log(
          Level.WARNING,
          "Onboarding of {0} stopped, can be retried: {1}",
          new Object[] {request.slug(), e.getMessage()});
      steps.failed(tenant.id(), e.getMessage(), actor);
      return OnboardingOutcome.retry(e.getMessage());
    }
  }

  /** A slug or AGS already belongs to another municipality. */
  static final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final FieldProblem problem;

    ConflictException(FieldProblem problem) {
      super(problem.messageKey());
      this.problem = problem;
    }
  }

  /** The database side of each step, each in its own transaction so completed steps stay done. */
  @ApplicationScoped
  public static class Steps {

    /** The tenant row as far as onboarding cares. */
    public record Tenant(UUID id, boolean completed) {}

    @PersistenceContext(unitName = "rathaus")
    EntityManager em;

    @Inject DatabaseTenantScope scope;
    @Inject AuditLog audit;

    private void asPlatform() {
      scope.apply(TenantScope.platform("onboarding"));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Tenant ensureTenant(OnboardingRequest request, String actor) {
      asPlatform();
      Optional<Municipality> bySlug =
          em.createQuery("select m from Municipality m where m.slug = :s", Municipality.class)
              .setParameter("s", request.slug())
              .getResultStream()
              .findFirst();
      Optional<Municipality> byAgs =
          em.createQuery("select m from Municipality m where m.ags = :a", Municipality.class)
              .setParameter("a", request.ags())
              .getResultStream()
              .findFirst();
      if (bySlug.isPresent() && !bySlug.get().ags().equals(request.ags())) {
        throw new ConflictException(FieldProblem.of("slug", "onboarding.slug.taken"));
      }
      if (byAgs.isPresent() && !byAgs.get().slug().equals(request.slug())) {
        throw new ConflictException(FieldProblem.of("ags", "onboarding.ags.taken"));
      }
      if (bySlug.isPresent()) {
        Municipality existing = bySlug.get();
        OnboardingRecord record = em.find(OnboardingRecord.class, existing.id());
        boolean done =
            existing.status() != MunicipalityStatus.ONBOARDING
                && (record == null || record.completedAt() != null);
        return new Tenant(existing.id(), done);
      }
      String code = referenceCode(request);
      Municipality municipality =
          new Municipality(
              UUID.randomUUID(),
              request.slug(),
              request.name(),
              request.ags(),
              request.state(),
              request.emailDomain(),
              code);
      em.persist(municipality);
      em.persist(
          new OnboardingRecord(municipality.id(), request.adminEmail(), request.idpDiscoveryUrl()));
      em.flush();
      audit.record(
          new AuditEvent(
              actor,
              "onboarding.tenant-created",
              "municipality",
              request.slug(),
              null,
              "ags=" + request.ags() + ", code=" + code));
      return new Tenant(municipality.id(), false);
    }

    /**
     * The admin's choice if it is free, else a proposal from the name (editable until the first
     * application).
     */
    private String referenceCode(OnboardingRequest request) {
      if (request.referenceCode() != null) {
        if (taken(request.referenceCode())) {
          throw new ConflictException(
              FieldProblem.of("referenceCode", "onboarding.code.taken", request.referenceCode()));
        }
        return request.referenceCode();
      }
      return ReferenceCode.propose(request.name(), this::taken)
          .orElseThrow(
              () ->
                  new ConflictException(FieldProblem.of("referenceCode", "onboarding.code.none")));
    }

    private boolean taken(String code) {
      return !em.createQuery(
              "select m.id from Municipality m where m.referenceCode = :c", UUID.class)
          .setParameter("c", code)
          .getResultList()
          .isEmpty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void organizationLinked(UUID municipalityId, String organizationId, String actor) {
      asPlatform();
      Municipality municipality = em.find(Municipality.class, municipalityId);
      if (!organizationId.equals(municipality.organizationId())) {
        municipality.linkOrganization(organizationId);
        audit.record(
            new AuditEvent(
                actor,
                "onboarding.organization-linked",
                "municipality",
                municipality.slug(),
                null,
                "organization=" + organizationId));
      }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void identityProviderLinked(UUID municipalityId, String alias, String actor) {
      asPlatform();
      audit.record(
          new AuditEvent(
              actor,
              "onboarding.identity-provider-linked",
              "identity-provider",
              alias,
              null,
              null));
    }

    /** Stores the admin's account; answers whether the invitation still has to be sent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean adminAccountKnown(UUID municipalityId, String accountId, String actor) {
      asPlatform();
      OnboardingRecord record = em.find(OnboardingRecord.class, municipalityId);
      if (!accountId.equals(record.adminAccountId())) {
        record.adminAccount(accountId);
        audit.record(
            new AuditEvent(actor, "onboarding.admin-account", "account", accountId, null, null));
      }
      return !record.invitationSent();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void invitationSent(UUID municipalityId, String actor) {
      asPlatform();
      em.find(OnboardingRecord.class, municipalityId).invitationSentNow();
      audit.record(
          new AuditEvent(
              actor,
              "onboarding.invitation-sent",
              "municipality",
              municipalityId.toString(),
              null,
              null));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(UUID municipalityId, String actor) {
      asPlatform();
      Municipality municipality = em.find(Municipality.class, municipalityId);
      OnboardingRecord record = em.find(OnboardingRecord.class, municipalityId);
      if (record.completedAt() == null) {
        record.completedNow();
      }
      if (municipality.status() == MunicipalityStatus.ONBOARDING) {
        municipality.activate();
        audit.record(
            new AuditEvent(
                actor, "onboarding.completed", "municipality", municipality.slug(), null, null));
      }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID municipalityId, String error, String actor) {
      asPlatform();
      em.find(OnboardingRecord.class, municipalityId).failed(error);
      audit.record(
          new AuditEvent(
              actor,
              "onboarding.step-failed",
              "municipality",
              municipalityId.toString(),
              null,
              null));
    }
  }
}
