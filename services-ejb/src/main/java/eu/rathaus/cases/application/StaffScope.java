package eu.rathaus.cases.application;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;

/** The one check every back-office use case starts with: the caller is staff of a municipality. */
final class StaffScope {

  private StaffScope() {}

  static TenantScope require(CallerScope caller) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Cases are worked by staff of a municipality");
    }
    return scope;
  }
}
