package eu.rathaus.registers.residents.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.registers.residents.domain.ReadReason;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentRegister;
import eu.rathaus.registers.residents.domain.ResidentSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The back office of the resident register: register clerks of a municipality search and open
 * records. Every read is audited with the reason the clerk gave — a search as {@code
 * register.resident.search} (the number of hits, never the words searched), an opened record as
 * {@code register.resident.read} on that resident — in the same transaction as the read. Without a
 * reason nothing is read. The municipality comes from the staff scope; the role {@code
 * register-clerk} is checked by the web layer (web.xml), row-level security (V50) checks the
 * municipality again.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class RegisterOffice {

  public static final int SEARCH_LIMIT = 50;

  /** Thrown when a read comes without a usable reason. */
  public static class ReasonRequired extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ReasonRequired() {
      super("a read of the resident register needs a reason");
    }
  }

  @Inject ResidentRegister register;
  @Inject CallerScope caller;
  @Inject AuditLog audit;

  /** Residents whose names contain every word of the query; audited with the reason. */
  public List<ResidentSummary> search(String query, String reason) {
    TenantScope scope = staff();
    String why = ReadReason.of(reason).orElseThrow(ReasonRequired::new);
    if (query == null || query.strip().length() < 2) {
      return List.of();
    }
    List<ResidentSummary> hits = register.search(scope.municipalityId(), query, SEARCH_LIMIT);
    audit.record(
        new AuditEvent(
            scope.subject(),
            "register.resident.search",
            "resident",
            null,
            scope.municipalityId(),
            "hits " + hits.size() + "; reason: " + why));
    return hits;
  }

  /** One record of the municipality; the read is audited with the reason. */
  public Optional<Resident> open(UUID id, String reason) {
    TenantScope scope = staff();
    String why = ReadReason.of(reason).orElseThrow(ReasonRequired::new);
    if (id == null) {
      return Optional.empty();
    }
    Optional<Resident> resident = register.find(scope.municipalityId(), id);
    resident.ifPresent(
        r ->
            audit.record(
                new AuditEvent(
                    scope.subject(),
                    "register.resident.read",
                    "resident",
                    r.id().toString(),
                    scope.municipalityId(),
                    "reason: " + why)));
    return resident;
  }

  private TenantScope staff() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("the resident register is for a municipality's register clerks");
    }
    return scope;
  }
}
