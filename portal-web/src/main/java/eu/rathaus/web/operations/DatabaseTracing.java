package eu.rathaus.web.operations;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.jdbc.OpenTelemetryDriver;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands the deployment's OpenTelemetry to the JDBC instrumentation when the datasource runs on it
 * ({@code RATHAUS_DATASOURCE_DRIVER=postgresql-otel}, set with tracing; see configure-server.cli).
 *
 * <p>OpenTelemetry's {@link OpenTelemetryDriver} starts with a no-op OpenTelemetry, and each
 * connection keeps the instrumenter it was opened with. The pool (IronJacamar 3) makes its own,
 * unregistered instance of the driver on its first connection and keeps it in its connection
 * factory, out of reach of {@link OpenTelemetryDriver#install}. So, before anything else uses the
 * database: open one connection (the pool's driver instance now exists), give that instance the
 * deployment's OpenTelemetry ({@link OpenTelemetryDriver#setOpenTelemetry}, the library's API), and
 * flush the pool, so no connection opened without tracing stays in it.
 *
 * <p>Driver instance and pool are reached by reflection along WildFly's datasource ({@code
 * delegate}) and IronJacamar's {@code WrapperDataSource} ({@code mcf.driver}, {@code
 * cm.getPool()}): the management operation {@code flush-all-connection-in-pool}, called through the
 * platform MBean server from inside the deployment, answered "resource not found" during start-up,
 * and there is no API for the driver instance. If these insides change with a WildFly upgrade,
 * start-up logs a warning and SQL statements are not traced; {@code TracingIT} fails.
 */
@ApplicationScoped
public class DatabaseTracing {

  static final String DRIVER_VARIABLE = "RATHAUS_DATASOURCE_DRIVER";
  static final String TRACED_DRIVER = "postgresql-otel";
  private static final Logger LOG = Logger.getLogger(DatabaseTracing.class.getName());

  @Resource(lookup = "java:jboss/datasources/RathausDS")
  DataSource dataSource;

  @Inject OpenTelemetry openTelemetry;

  void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) Startup startup) {
    if (!TRACED_DRIVER.equals(System.getenv(DRIVER_VARIABLE))) {
      return;
    }
    try (Connection first = dataSource.getConnection()) {
      LOG.fine("Pool opened");
    } catch (SQLException e) {
      // The database may still be starting; the driver instance exists all the same.
      LOG.log(Level.INFO, "Database not reachable yet while installing tracing: {0}", e.toString());
    }
    try {
      Object pooled = wrapperDataSource(dataSource);
      Object driver = field(field(pooled, "mcf"), "driver");
      if (!(driver instanceof OpenTelemetryDriver traced)) {
        throw new IllegalStateException("the pool's driver is " + driver);
      }
      traced.setOpenTelemetry(openTelemetry);
      flush(field(pooled, "cm"));
      LOG.info("SQL statements are traced (OpenTelemetry JDBC instrumentation)");
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "SQL statements are not traced: {0}", e.toString());
    }
  }

  /** IronJacamar's data source behind WildFly's (which holds it as {@code delegate}). */
  private static Object wrapperDataSource(DataSource dataSource)
      throws ReflectiveOperationException {
    Object current = dataSource;
    for (int depth = 0; depth < 4; depth++) {
      if (has(current, "mcf")) {
        return current;
      }
      current = field(current, "delegate");
    }
    throw new NoSuchFieldException("pool behind " + dataSource.getClass().getName());
  }

  /** {@code pool.flush(FlushMode.ALL)}, what {@code flush-all-connection-in-pool} does. */
  private static void flush(Object connectionManager) throws ReflectiveOperationException {
    Method getPool = connectionManager.getClass().getMethod("getPool");
    getPool.setAccessible(true);
    Object pool = getPool.invoke(connectionManager);
    Class<?> flushMode =
        Class.forName(
            "org.jboss.jca.core.api.connectionmanager.pool.FlushMode",
            false,
            pool.getClass().getClassLoader());
    Method flush = pool.getClass().getMethod("flush", flushMode);
    flush.setAccessible(true);
    flush.invoke(pool, flushMode.getField("ALL").get(null));
  }

  private static boolean has(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    if (target == null) {
      throw new NoSuchFieldException(name + " of null");
    }
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    throw new NoSuchFieldException(name + " of " + target.getClass().getName());
  }
}
