package eu.rathaus.web.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A data source whose transactions commit without waiting for PostgreSQL to flush the WAL to disk
 * ({@code SET LOCAL synchronous_commit TO off}, for each transaction a caller begins with {@code
 * setAutoCommit(false)}): for state that may lose its last fraction of a second when the database
 * server crashes, and nothing else. The API's rate-limit buckets are such state: a bucket one
 * request too full after a crash costs nothing, but a durable commit per API call would double the
 * call's waits for the disk (issue 16, P1 through the API).
 *
 * <p>The setting is {@code LOCAL}: it ends with the transaction, so a pooled connection goes back
 * with PostgreSQL's default (durable). Consistency is unaffected: an asynchronous commit is atomic
 * and never seen out of order; only its durability is delayed (at most three times {@code
 * wal_writer_delay}, 600 ms by default).
 */
final class AsynchronousCommits {

  private AsynchronousCommits() {}

  static DataSource of(DataSource delegate) {
    return (DataSource)
        Proxy.newProxyInstance(
            AsynchronousCommits.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = call(delegate, method, args);
              return result instanceof Connection c && method.getName().equals("getConnection")
                  ? connection(c)
                  : result;
            });
  }

  private static Connection connection(Connection delegate) {
    return (Connection)
        Proxy.newProxyInstance(
            AsynchronousCommits.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = call(delegate, method, args);
              if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                asynchronous(delegate);
              }
              return result;
            });
  }

  /** The driver begins the transaction with this statement; the setting lives as long as it. */
  private static void asynchronous(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("set local synchronous_commit to off");
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
