package eu.rathaus.kernel;

import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant scope of the current request, set by the web layer from the signed-in person (and by
 * jobs for themselves). Anonymous until someone says otherwise: the safe default.
 */
@RequestScoped
public class CallerScope {

  private TenantScope scope = TenantScope.anonymous();

  public TenantScope get() {
    return scope;
  }

  public void set(TenantScope scope) {
    this.scope = scope == null ? TenantScope.anonymous() : scope;
  }
}
