package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.registers.lostproperty.domain.ClaimFee;
import eu.rathaus.registers.lostproperty.infrastructure.LostPropertySql;
import eu.rathaus.tenancy.application.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The municipal admin sets the fee for handing found items back ({@code /municipal/settings.xhtml},
 * which {@code web.xml} limits to {@code municipal-admin}): always the caller's own municipality
 * (staff scope; row-level security on the municipality row says the same, V17), 0 for none, checked
 * by {@link ClaimFee}, every change audited ({@code lostproperty.fee.changed}, old and new amount).
 * The next confirmed claim is charged the new fee ({@link LostPropertyOffice#confirm}); claims
 * confirmed before keep theirs.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ClaimFees {

  /** The fee field, for refusals. */
  public static final String FIELD = "claimFee";

  @Inject LostPropertySql sql;
  @Inject CallerScope caller;
  @Inject AuditLog audit;

  /** The own municipality's fee in cents (0: none). */
  public long current() {
    return sql.claimFeeCents(staff().municipalityId());
  }

  /** Sets the own municipality's fee from the admin's input in euros; the problem if refused. */
  public Optional<FieldProblem> set(String euros) {
    TenantScope scope = staff();
    ClaimFee fee = ClaimFee.parse(euros);
    if (!fee.isValid()) {
      return Optional.of(
          FieldProblem.of(FIELD, fee.problem(), String.valueOf(ClaimFee.MAX_CENTS / 100)));
    }
    long before = sql.claimFeeCents(scope.municipalityId());
    if (before == fee.cents()) {
      return Optional.empty();
    }
    if (!sql.setMunicipalityClaimFee(scope.municipalityId(), fee.cents())) {
      throw new IllegalStateException("No municipality " + scope.municipalityId());
    }
    audit.record(
        new AuditEvent(
            scope.subject(),
            "lostproperty.fee.changed",
            "municipality",
            scope.municipalityId().toString(),
            scope.municipalityId(),
            "claim fee " + before + " -> " + fee.cents() + " cents"));
    return Optional.empty();
  }

  private TenantScope staff() {
    return Callers.staff(caller, "the claim fee is set by the municipality's admin");
  }
}
