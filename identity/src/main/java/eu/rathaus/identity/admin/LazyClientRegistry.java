package eu.rathaus.identity.admin;

/**
 * A {@link KeycloakClientRegistry} made at its first use from {@link
 * AdminSettings#fromEnvironment()} (so a deployment starts while Keycloak is still away), shared by
 * the caller's later uses, closed with it.
 */
public final class LazyClientRegistry implements AutoCloseable {

  private volatile KeycloakClientRegistry registry;

  public KeycloakClientRegistry get() {
    KeycloakClientRegistry r = registry;
    if (r == null) {
      synchronized (this) {
        if (registry == null) {
          registry = new KeycloakClientRegistry(AdminSettings.fromEnvironment());
        }
        r = registry;
      }
    }
    return r;
  }

  @Override
  public synchronized void close() {
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }
}
