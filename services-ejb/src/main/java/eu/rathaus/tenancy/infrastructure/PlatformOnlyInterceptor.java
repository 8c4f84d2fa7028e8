package eu.rathaus.tenancy.infrastructure;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.application.CallerNotPermitted;
import eu.rathaus.tenancy.application.PlatformOnly;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Refuses {@link PlatformOnly} methods unless the caller's scope (set by the web layer from the
 * signed-in person) is the platform's. Runs before the transaction interceptor, so a refused call
 * opens no transaction and writes nothing.
 */
@PlatformOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class PlatformOnlyInterceptor {

  @Inject CallerScope caller;

  @AroundInvoke
  Object requirePlatform(InvocationContext invocation) throws Exception {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.PLATFORM) {
      throw new CallerNotPermitted(
          invocation.getMethod().getDeclaringClass().getSimpleName()
              + "."
              + invocation.getMethod().getName()
              + " is for the platform only, caller scope was "
              + scope.databaseScope());
    }
    return invocation.proceed();
  }
}
