package eu.rathaus.platform;

import eu.rathaus.identity.admin.AdminSettings;
import eu.rathaus.identity.admin.RealmSafetyProbe;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Refuses a production start with unsafe settings. Observes the application start before every
 * other start-up observer (so the schema migration never runs against a refused installation), logs
 * each problem in one line ({@code RATHAUS-PRODUCTION: ...}) and throws, which fails the
 * deployment: WildFly marks {@code rathaus.war} as failed, its readiness check ({@code
 * /health/ready} on the management port, check {@code deployments-status}) stays DOWN and no page
 * is served.
 */
@ApplicationScoped
public class ProductionGuard {

  private static final Logger LOG = Logger.getLogger(ProductionGuard.class.getName());

  /** Prefix of every refusal line, so operators and tests can find them in the log. */
  public static final String LOG_PREFIX = "RATHAUS-PRODUCTION: ";

  void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
    if (RuntimeMode.current().isDemo()) {
      LOG.warning(
          "Demo installation (RATHAUS_MODE=demo): demo users, demo data and published secrets are allowed."
              + " Never expose this installation.");
      if (Settings.value(ResidencyPolicy.KEY).isPresent()) {
        // A demo with a policy (to try one out) is told what a production start would refuse.
        ProductionCheck.residencyProblems(Settings::value, ProductionGuard::environment)
            .forEach(problem -> LOG.warning(LOG_PREFIX + problem));
      }
      return;
    }
    AdminSettings admin = AdminSettings.fromEnvironment();
    List<String> problems =
        ProductionCheck.problems(
            Settings::value,
            ProductionGuard::environment,
            new ProductionCheck.Keycloak() {
              @Override
              public List<String> demoUsers() {
                return RealmSafetyProbe.demoUsers(admin);
              }

              @Override
              public boolean acceptsSecret(String clientId, String secret) {
                return RealmSafetyProbe.acceptsSecret(admin, clientId, secret);
              }
            });
    if (problems.isEmpty()) {
      if (ProductionCheck.malwareScanOptedOut(Settings::value)) {
        LOG.warning(
            LOG_PREFIX
                + "malware scanning is switched off ("
                + ProductionCheck.MALWARE_SCAN
                + "=off)");
      }
      LOG.info("Production mode: configuration checked, no unsafe defaults");
      return;
    }
    problems.forEach(problem -> LOG.severe(LOG_PREFIX + problem));
    throw new IllegalStateException(
        "Production mode refuses to start: "
            + problems.size()
            + " unsafe setting(s), each logged above as "
            + LOG_PREFIX.strip()
            + " (set RATHAUS_MODE=demo only for a demo)");
  }

  /** The environment WildFly resolves its own settings from (datasource, OIDC, mail). */
  public static Optional<String> environment(String key) {
    // Deliberately the raw environment, not MicroProfile Config: these values are resolved by
    // WildFly's
    // own ${env.X} expressions, so a secret file with the same name would not reach the datasource.
    return Optional.ofNullable(System.getenv(key)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
