package eu.rathaus.payments.application;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import java.util.UUID;

/**
 * The treasury's use cases are for a municipality's staff only; the municipality always comes from
 * the caller's scope, never from a parameter, so a page cannot reach another municipality's money.
 */
final class TreasuryCaller {

  private TreasuryCaller() {}

  static UUID municipality(CallerScope caller) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("The treasury is for staff of a municipality");
    }
    return scope.municipalityId();
  }

  static String actor(CallerScope caller) {
    String subject = caller.get().subject();
    return subject == null ? "unknown" : subject;
  }
}
