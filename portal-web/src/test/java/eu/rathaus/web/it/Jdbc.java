package eu.rathaus.web.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Direct connections from the test JVM, for checks and deliberate tampering behind the portal's
 * back.
 */
public final class Jdbc {

  private Jdbc() {}

  public static Connection superuser() throws SQLException {
    return DriverManager.getConnection(ItStack.config().jdbcUrl(), "postgres", "postgres");
  }

  /**
   * The superuser on the maintenance database {@code postgres}, for changes to the portal's
   * database itself.
   */
  public static Connection superuserMaintenance() throws SQLException {
    String url = ItStack.config().jdbcUrl().replaceFirst("/rathaus(\\?|$)", "/postgres$1");
    return DriverManager.getConnection(url, "postgres", "postgres");
  }

  public static Connection owner() throws SQLException {
    var c = ItStack.config();
    return DriverManager.getConnection(c.jdbcUrl(), c.ownerUser(), c.ownerPassword());
  }

  public static Connection app() throws SQLException {
    var c = ItStack.config();
    return DriverManager.getConnection(c.jdbcUrl(), c.appUser(), c.appPassword());
  }
}
