package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The isolation matrix over every tenant-owned table, found from the schema itself (every table
 * with a {@code municipality_id} column), so a table added later without row-level security fails
 * here. For each table and each caller that is not Musterstadt's staff — Beispielheim's staff, a
 * citizen who owns nothing, an anonymous visitor, a connection that set no scope at all — a query
 * for Musterstadt's rows, run as the portal's own database role, returns nothing.
 *
 * <p>Runs after the other integration tests (alphabetically last), when their journeys have left
 * Musterstadt rows in most tables; tables that are still empty are reported, not silently passed.
 */
class TenantIsolationMatrixIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  /** scope, municipality, subject: the callers that must see nothing of Musterstadt. */
  private static final Map<String, String[]> OUTSIDERS = new LinkedHashMap<>();

  static {
    OUTSIDERS.put("staff of Beispielheim", new String[] {"staff", BEISPIELHEIM.toString(), "ben"});
    OUTSIDERS.put("citizen without rows", new String[] {"citizen", "", "nobody-" + UUID.randomUUID()});
    OUTSIDERS.put("anonymous visitor", new String[] {"public", "", ""});
    OUTSIDERS.put("no scope set", null);
  }

  private static final String LETTERHEAD =
      "the authority's published postal address and contact data, printed on every notice; no personal data (V11)";

  /**
   * Deliberate, documented exceptions: table → caller allowed to see Musterstadt rows, and why.
   * Anything else that leaks fails the test.
   */
  private static final Map<String, String> ALLOWED =
      Map.of(
          "application_reference_counter|citizen without rows",
          "a per-year counter without personal data; a citizen's own submission draws the next number (V6)",
          "municipality_letterhead|staff of Beispielheim", LETTERHEAD,
          "municipality_letterhead|citizen without rows", LETTERHEAD,
          "municipality_letterhead|anonymous visitor", LETTERHEAD,
          "municipality_letterhead|no scope set", LETTERHEAD);

  /**
   * The public catalogue: visitors and citizens may read what a municipality offers, but only the
   * published part — the condition a row must meet to be visible to them.
   */
  private static final Map<String, String> PUBLIC_ONLY =
      Map.of(
          "service_definition", "status = 'ACTIVE' and current_version_id is not null",
          "service_version", "status = 'PUBLISHED'");

  private static final List<String> PUBLIC_READERS = List.of("citizen without rows", "anonymous visitor");

  private static final List<String> TENANT_TABLES = new ArrayList<>();

  @BeforeAll
  static void findTenantTables() throws SQLException {
    ItStack.stack();
    try (Connection c = Jdbc.superuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select c.table_name from information_schema.columns c join information_schema.tables t"
                    + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                    + " where c.table_schema = 'public' and c.column_name = 'municipality_id' and t.table_type = 'BASE TABLE'"
                    + " order by c.table_name")) {
      while (rs.next()) {
        TENANT_TABLES.add(rs.getString(1));
      }
    }
  }

  @Test
  void everyTenantOwnedTableHasRowLevelSecurity() throws SQLException {
    assertThat(TENANT_TABLES).as("tenant-owned tables found").contains("audit_entry");
    try (Connection c = Jdbc.superuser();
        PreparedStatement p = c.prepareStatement("select relrowsecurity from pg_class where relname = ? and relnamespace = 'public'::regnamespace")) {
      for (String table : TENANT_TABLES) {
        p.setString(1, table);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next() && rs.getBoolean(1)).as("row-level security on " + table).isTrue();
        }
      }
    }
  }

  @Test
  void noOutsiderSeesAnyRowOfMusterstadtInAnyTable() throws SQLException {
    List<String> empty = new ArrayList<>();
    int checked = 0;
    for (String table : TENANT_TABLES) {
      if (rowsOfMusterstadt(table) == 0) {
        empty.add(table);
        continue;
      }
      for (Map.Entry<String, String[]> outsider : OUTSIDERS.entrySet()) {
        if (ALLOWED.containsKey(table + "|" + outsider.getKey())) {
          continue;
        }
        if (PUBLIC_ONLY.containsKey(table) && PUBLIC_READERS.contains(outsider.getKey())) {
          assertThat(visibleMusterstadtRows(table, outsider.getValue(), "not (" + PUBLIC_ONLY.get(table) + ")"))
              .as(outsider.getKey() + " reading unpublished rows of " + table)
              .isZero();
          checked++;
          continue;
        }
        assertThat(visibleMusterstadtRows(table, outsider.getValue(), "true"))
            .as(outsider.getKey() + " reading " + table + " without any filter of its own")
            .isZero();
        checked++;
      }
    }
    System.out.println("[isolation matrix] " + checked + " table x caller checks; tables without Musterstadt rows at this point: " + empty);
    assertThat(checked).as("checks made").isGreaterThanOrEqualTo(4 * 4);
  }

  private static long rowsOfMusterstadt(String table) throws SQLException {
    try (Connection c = Jdbc.superuser();
        PreparedStatement p = c.prepareStatement("select count(*) from " + table + " where municipality_id = ?")) {
      p.setObject(1, MUSTERSTADT);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long visibleMusterstadtRows(String table, String[] scope, String condition) throws SQLException {
    try (Connection c = Jdbc.app()) {
      c.setAutoCommit(false);
      try {
        if (scope != null) {
          try (PreparedStatement set =
              c.prepareStatement(
                  "select set_config('rathaus.scope', ?, true), set_config('rathaus.municipality', ?, true), set_config('rathaus.subject', ?, true)")) {
            set.setString(1, scope[0]);
            set.setString(2, scope[1]);
            set.setString(3, scope[2]);
            set.executeQuery().close();
          }
        }
        try (PreparedStatement p = c.prepareStatement("select count(*) from " + table + " where municipality_id = ? and " + condition)) {
          p.setObject(1, MUSTERSTADT);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        } catch (SQLException denied) {
          // No grant at all for the portal role is isolation too (e.g. key tables).
          if ("42501".equals(denied.getSQLState())) {
            return 0;
          }
          throw denied;
        }
      } finally {
        c.rollback();
      }
    }
  }
}
