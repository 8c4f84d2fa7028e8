package eu.rathaus.kernel;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Applies the caller's scope to the current transaction. Ordered after the transaction interceptor
 * (PLATFORM_BEFORE + 200), so the settings land in the transaction the method's queries run in.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class TenantScopeInterceptor {

  @Inject CallerScope caller;
  @Inject DatabaseTenantScope database;

  @AroundInvoke
  Object applyScope(InvocationContext invocation) throws Exception {
    database.apply(caller.get());
    return invocation.proceed();
  }
}
