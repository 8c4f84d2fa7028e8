package eu.rathaus.portability.infrastructure;

import eu.rathaus.portability.domain.TableSpec;
import eu.rathaus.portability.domain.TenantTables;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The schema as PostgreSQL's catalogue describes it: tables, columns, foreign keys, version. */
public final class SchemaCatalog {

  private SchemaCatalog() {}

  /** Every base table of schema {@code public} with its columns and identity columns. */
  public static List<TenantTables.Table> tables(Connection c) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, Set<String>> identity = new LinkedHashMap<>();
    Map<String, Set<String>> generated = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select c.table_name, c.column_name, c.is_identity, c.is_generated"
                    + " from information_schema.columns c"
                    + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
                    + " where c.table_schema = 'public' and t.table_type = 'BASE TABLE'"
                    + " order by c.table_name, c.ordinal_position")) {
      while (rs.next()) {
        String table = rs.getString(1);
        columns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
        Set<String> ids = identity.computeIfAbsent(table, t -> new HashSet<>());
        if ("YES".equals(rs.getString(3))) {
          ids.add(rs.getString(2));
        }
        Set<String> computed = generated.computeIfAbsent(table, t -> new HashSet<>());
        if ("ALWAYS".equals(rs.getString(4))) {
          computed.add(rs.getString(2));
        }
      }
    }
    List<TenantTables.Table> tables = new ArrayList<>();
    columns.forEach(
        (t, cols) ->
            tables.add(new TenantTables.Table(t, cols, identity.get(t), generated.get(t))));
    return tables;
  }

  /** Tables with row-level security enabled. */
  public static Set<String> rowLevelSecurityTables(Connection c) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select relname from pg_class where relnamespace = 'public'::regnamespace"
                    + " and relkind in ('r', 'p') and relrowsecurity")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /** The Flyway schema version (the highest successfully applied versioned migration). */
  public static int schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select max(cast(version as integer)) from flyway_schema_history"
                    + " where success and version ~ '^[0-9]+$'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** A foreign key: child table and columns, parent table and columns. */
  public record ForeignKey(
      String name,
      String child,
      List<String> childColumns,
      String parent,
      List<String> parentColumns) {}

  /** Every foreign key between tables of schema {@code public}. */
  public static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select con.conname, cl.relname, pl.relname,"
                    + " array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)"
                    + "   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i),"
                    + " array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)"
                    + "   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i)"
                    + " from pg_constraint con join pg_class cl on cl.oid = con.conrelid"
                    + " join pg_class pl on pl.oid = con.confrelid"
                    + " where con.contype = 'f' and cl.relnamespace = 'public'::regnamespace"
                    + " order by cl.relname, con.conname")) {
      while (rs.next()) {
        keys.add(
            new ForeignKey(
                rs.getString(1),
                rs.getString(2),
                strings(rs.getArray(4)),
                rs.getString(3),
                strings(rs.getArray(5))));
      }
    }
    return keys;
  }

  /**
   * Rows of the municipality in {@code spec}'s table whose foreign key {@code key} points at no
   * row: zero after a complete import. Columns partly null are not checked (MATCH SIMPLE).
   */
  static long danglingReferences(Connection c, TableSpec spec, ForeignKey key, UUID municipality)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("select count(*) from ")
            .append(quote(spec.name()))
            .append(" ch where ch.")
            .append(spec.selection().where());
    for (String column : key.childColumns()) {
      sql.append(" and ch.").append(quote(column)).append(" is not null");
    }
    sql.append(" and not exists (select 1 from ").append(quote(key.parent())).append(" pa where ");
    for (int i = 0; i < key.childColumns().size(); i++) {
      if (i > 0) {
        sql.append(" and ");
      }
      sql.append("pa.")
          .append(quote(key.parentColumns().get(i)))
          .append(" = ch.")
          .append(quote(key.childColumns().get(i)));
    }
    sql.append(")");
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      p.setObject(1, spec.selection().parameter(municipality));
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A column or table name as an SQL identifier. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
