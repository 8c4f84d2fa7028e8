package eu.rathaus.platform;

import eu.rathaus.migrations.DatabaseMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the database schema to the newest version before the portal serves, then checks that the
 * JPA mapping fits it.
 *
 * <p>Why not Hibernate's own {@code hbm2ddl=validate} at deployment: the persistence unit is built
 * before any application code runs, so Flyway would come too late, and a database that is down at
 * start would fail the deployment for good. Here the persistence unit boots without touching the
 * database, the first attempt runs while the application starts, and further attempts follow with
 * back-off until the database answers. Until then readiness is DOWN and pages answer 503.
 */
@ApplicationScoped
public class SchemaBootstrap {

  private static final Logger LOG = Logger.getLogger(SchemaBootstrap.class.getName());
  private static final long MAX_DELAY_SECONDS = 30;

  @Resource ManagedScheduledExecutorService scheduler;

  @PersistenceUnit(unitName = "rathaus")
  EntityManagerFactory emf;

  @Inject Event<SchemaReady> schemaReady;

  private volatile boolean ready;
  private volatile String problem = "not started";
  private long delaySeconds = 1;
  private ScheduledFuture<?> retry;

  void onStartup(@Observes Startup startup) {
    if (!attempt()) {
      scheduleRetry();
    }
  }

  /** True once the schema is migrated and validated. */
  public boolean isReady() {
    return ready;
  }

  /** Why the schema is not ready yet (for health output; never shown to citizens). */
  public String problem() {
    return problem;
  }

  synchronized boolean attempt() {
    if (ready) {
      return true;
    }
    DatabaseSettings settings = DatabaseSettings.fromEnvironment();
    try {
      DatabaseMigrator.Result result =
          DatabaseMigrator.migrate(
              settings.url(),
              settings.migrationUser(),
              settings.migrationPassword(),
              settings.appUser());
      // Hibernate's schema manager: JPA 3.1 (Jakarta EE 10) has no portable validation API yet.
      emf.unwrap(org.hibernate.SessionFactory.class).getSchemaManager().validateMappedObjects();
      // Before the flag: readiness then also means "start-up content is in place" (demo catalogue),
      // so a test or load balancer that waits for readiness never sees a half-seeded portal.
      schemaReady.fire(new SchemaReady(result.schemaVersion()));
      ready = true;
      problem = null;
      LOG.log(
          Level.INFO,
          "Database schema at version {0} ({1} migrations applied now), mapping validated",
          new Object[] {result.schemaVersion(), result.migrationsExecuted()});
      return true;
    } catch (RuntimeException e) {
      problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.log(
          Level.WARNING,
          "Database schema not ready yet ({0}); retrying in {1} s",
          new Object[] {problem, delaySeconds});
      LOG.log(Level.FINE, "Why the schema is not ready", e);
      return false;
    }
  }

  private synchronized void scheduleRetry() {
    retry =
        scheduler.schedule(
            () -> {
              if (!attempt()) {
                delaySeconds = Math.min(delaySeconds * 2, MAX_DELAY_SECONDS);
                scheduleRetry();
              }
            },
            delaySeconds,
            TimeUnit.SECONDS);
  }

  @PreDestroy
  synchronized void stop() {
    if (retry != null) {
      retry.cancel(false);
    }
  }
}
