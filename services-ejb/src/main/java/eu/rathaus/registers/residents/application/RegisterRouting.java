package eu.rathaus.registers.residents.application;

import eu.rathaus.cases.application.CaseRouting;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A change of address writes the resident register when it is approved, which only the registration
 * office may do ({@link MoveDesk#approve}): its case opens reserved for {@link
 * TenantScope#REGISTER_CLERK}, so other clerks neither see nor claim a case they could only reject
 * (V79; row-level security of V65 and V74 checks the same).
 */
@ApplicationScoped
public class RegisterRouting implements CaseRouting {

  @Override
  public Optional<String> staffRole(String serviceKey) {
    return MoveDesk.SERVICE_KEYS.contains(serviceKey)
        ? Optional.of(TenantScope.REGISTER_CLERK)
        : Optional.empty();
  }
}
