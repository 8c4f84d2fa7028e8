package eu.rathaus.web.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (issue 16): a restart,
 * a failover, connections refused or terminated. Such a failure is the installation's passing
 * state, not a fault of the page: visitors get 503 with {@code Retry-After} and the "try again"
 * page, and the pool replaces its connections by itself (validate-on-match and the PostgreSQL
 * exception sorter, configure-server.cli).
 */
public final class DatabaseOutage {

  /** Seconds a visitor is asked to wait; a PostgreSQL restart takes a few. */
  public static final String RETRY_AFTER_SECONDS = "30";

  private DatabaseOutage() {}

  public static boolean isCause(Throwable thrown) {
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 30; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && isOutageState(sql.getSQLState())) {
        return true;
      }
      // The pool (IronJacamar) reports "unable to get a managed connection" this way; the API
      // jar is not on the web module's compile path, hence by name.
      String type = t.getClass().getName();
      if (type.equals("jakarta.resource.ResourceException")
          || type.equals("org.hibernate.exception.JDBCConnectionException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * SQL states of an unreachable database: class 08 (connection exception), 57P01–57P03 (terminated
   * by administrator, crash shutdown, cannot connect now).
   */
  static boolean isOutageState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
