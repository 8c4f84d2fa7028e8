package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;

/** Who may call which use case of the lost-property office: refused loudly, never silently. */
final class Callers {

  private Callers() {}

  /** The caller's staff scope; a {@link SecurityException} saying {@code why} for anyone else. */
  static TenantScope staff(CallerScope caller, String why) {
    return of(caller, TenantScope.Kind.STAFF, why);
  }

  /** The caller's citizen scope; a {@link SecurityException} saying {@code why} for anyone else. */
  static TenantScope citizen(CallerScope caller, String why) {
    return of(caller, TenantScope.Kind.CITIZEN, why);
  }

  private static TenantScope of(CallerScope caller, TenantScope.Kind kind, String why) {
    TenantScope scope = caller.get();
    if (scope.kind() != kind) {
      throw new SecurityException(why);
    }
    return scope;
  }
}
