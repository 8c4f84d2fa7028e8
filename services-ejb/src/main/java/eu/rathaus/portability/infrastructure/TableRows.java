package eu.rathaus.portability.infrastructure;

import eu.rathaus.portability.domain.TableSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A municipality's rows of one table as JSON text, one object per row, straight from PostgreSQL
 * ({@code to_jsonb}: every type in its own text form, {@code bytea} as {@code \x…} hex, times in
 * UTC), read through a cursor so no table is ever held in memory.
 */
public final class TableRows {

  private static final int FETCH = 500;

  private TableRows() {}

  /** Receives one row's JSON text. */
  @FunctionalInterface
  public interface RowSink {
    void row(String json) throws Exception;
  }

  /**
   * Streams the rows of {@code spec} for the municipality, without the given columns: in the order
   * of the identity columns where the table has them (the target numbers them anew in that order),
   * else in the order of their text.
   */
  public static long stream(
      Connection c, TableSpec spec, UUID municipality, List<String> without, RowSink sink)
      throws Exception {
    String order =
        spec.identityColumns().isEmpty()
            ? "portability_row_json collate \"C\""
            : spec.identityColumns().stream()
                .map(SchemaCatalog::quote)
                .collect(Collectors.joining(", "));
    String sql =
        "select portability_row_json from (select (to_jsonb(t) - ?::text[])::text as portability_row_json, t.* from "
            + SchemaCatalog.quote(spec.name())
            + " t where t."
            + spec.selection().where()
            + ") s order by "
            + order;
    utc(c);
    long rows = 0;
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setFetchSize(FETCH);
      p.setArray(1, c.createArrayOf("text", without.toArray()));
      p.setObject(2, spec.selection().parameter(municipality));
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          sink.row(rs.getString(1));
          rows++;
        }
      }
    }
    return rows;
  }

  /** Row count and content hash of one table's rows of a municipality. */
  public record Content(long rows, String sha256) {}

  /**
   * Count and SHA-256 over the rows' JSON text (sorted, one per line) without the columns a target
   * assigns or re-encrypts: equal on source and target when the data is identical.
   */
  public static Content content(Connection c, TableSpec spec, UUID municipality)
      throws SQLException {
    MessageDigest digest = sha256();
    String sql =
        "select j from (select (to_jsonb(t) - ?::text[])::text as j from "
            + SchemaCatalog.quote(spec.name())
            + " t where t."
            + spec.selection().where()
            + ") s order by j collate \"C\"";
    utc(c);
    long rows = 0;
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setFetchSize(FETCH);
      p.setArray(1, c.createArrayOf("text", spec.hashExcludedColumns().toArray()));
      p.setObject(2, spec.selection().parameter(municipality));
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          digest.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) '\n');
          rows++;
        }
      }
    }
    return new Content(rows, HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Times as JSON text depend on the session's time zone: source and target both write and compare
   * them in UTC (sets it for the connection's session).
   */
  static void utc(Connection c) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute("set time zone 'UTC'");
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
