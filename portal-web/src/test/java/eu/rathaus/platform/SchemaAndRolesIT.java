package eu.rathaus.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.web.it.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the deployed portal: the migrations ran, and the portal's database role is fenced in.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaAndRolesIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(SchemaAndRolesIT.class);
  }

  @Inject SchemaBootstrap schema;

  @Resource(lookup = "java:jboss/datasources/RathausDS")
  DataSource dataSource;

  @Test
  void schemaIsMigratedAndValidatedBeforeThePortalServes() {
    assertTrue(schema.isReady(), () -> "schema not ready: " + schema.problem());
  }

  @Test
  void portalRoleIsNeitherSuperuserNorAbleToBypassRowLevelSecurity() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select current_user, rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = current_user")) {
      assertTrue(rs.next());
      assertEquals("rathaus", rs.getString(1));
      assertFalse(rs.getBoolean(2), "superuser");
      assertFalse(rs.getBoolean(3), "bypassrls");
      assertFalse(rs.getBoolean(4), "createrole");
    }
  }

  @Test
  void portalRoleOwnsNoTableAndCannotRewriteTheAuditLog() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "tables owned by the portal role");
      }
      SQLException update =
          assertThrows(
              SQLException.class, () -> s.executeUpdate("update audit_entry set actor = 'x'"));
      assertTrue(
          update.getMessage().contains("permission denied")
              || update.getMessage().contains("append-only"),
          update.getMessage());
      assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_entry"));
      assertThrows(SQLException.class, () -> s.executeUpdate("drop table municipality"));
    }
  }
}
