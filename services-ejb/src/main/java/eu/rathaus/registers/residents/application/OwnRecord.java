package eu.rathaus.registers.residents.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentRegister;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The citizen's own register record, for what she asks herself (a certificate, a prefilled form):
 * read in her citizen scope (row-level security: only the record of her eID pseudonym, without
 * household links) and audited as {@code register.resident.read.self} with the purpose.
 */
@ApplicationScoped
// A register service that is away fails the read, not the caller's transaction (a submission
// answers "unavailable" and writes nothing; the certificate desk rolls back itself).
@Transactional(dontRollbackOn = RegisterUnavailable.class)
@TenantScoped
public class OwnRecord {

  @Inject ResidentRegister register;
  @Inject CallerScope caller;
  @Inject AuditLog audit;

  /** Her record in {@code municipality}; empty if none is linked to {@code eidPseudonym}. */
  public Optional<Resident> read(UUID municipality, String eidPseudonym, String purpose) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN || municipality == null) {
      return Optional.empty();
    }
    Optional<Resident> own = register.findOwn(municipality, eidPseudonym);
    own.ifPresent(
        r ->
            audit.record(
                new AuditEvent(
                    scope.subject(),
                    "register.resident.read.self",
                    "resident",
                    r.id().toString(),
                    municipality,
                    purpose)));
    return own;
  }

  /**
   * The members of her household (names, birth dates, relation) in {@code municipality}, for a form
   * that asks who moves with her; audited as {@code register.household.read.self}. Empty without a
   * record.
   */
  public List<HouseholdMember> household(UUID municipality, String eidPseudonym, String purpose) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN || municipality == null) {
      return List.of();
    }
    List<HouseholdMember> members = register.ownHousehold(municipality, eidPseudonym);
    if (!members.isEmpty()) {
      audit.record(
          new AuditEvent(
              scope.subject(),
              "register.household.read.self",
              "resident",
              null,
              municipality,
              purpose + " (" + members.size() + ")"));
    }
    return members;
  }
}
