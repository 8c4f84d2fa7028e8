package eu.rathaus.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the benchmark needs to know about the seeded data, read once as superuser before measuring:
 * the "me" of the "mine" view, cursors deep in the inbox, a reference prefix that exists, and the
 * sizes and settings that make the numbers comparable.
 */
record Setup(
    int cases,
    long musterstadt,
    long beispielheim,
    long open,
    String me,
    long deepOffset,
    List<Key> deepKeys,
    String referencePrefix,
    String postgresVersion,
    String sharedBuffers) {

  /** A keyset cursor: due date and id of the row the page starts after. */
  record Key(LocalDate due, UUID id) {}

  static Setup read(DataSource admin, int cases) throws SQLException {
    try (Connection c = admin.getConnection()) {
      String me = string(c, "select md5('clerk-1-1')::uuid::text");
      long muster =
          number(
              c,
              "select count(*) from case_record where municipality_id = '"
                  + InboxBenchmark.MUSTERSTADT
                  + "'");
      long total = number(c, "select count(*) from case_record");
      long open =
          number(
              c,
              "select count(*) from case_record where municipality_id = '"
                  + InboxBenchmark.MUSTERSTADT
                  + "' and status in ('SUBMITTED','IN_REVIEW','WAITING_FOR_CITIZEN')");
      long offset = Math.max(0, Math.min(500_000, muster - 20_000));
      List<Key> keys = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select due_date, id from (select due_date, id,"
                  + " row_number() over (order by due_date, id) as rn from case_record where municipality_id = ?) x"
                  + " where rn = any(?) order by rn")) {
        ps.setObject(1, InboxBenchmark.MUSTERSTADT);
        Long[] ranks = new Long[10];
        for (int j = 0; j < ranks.length; j++) {
          ranks[j] = offset + 1 + j * 1000L;
        }
        ps.setArray(2, c.createArrayOf("bigint", ranks));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            keys.add(new Key(rs.getDate(1).toLocalDate(), rs.getObject(2, UUID.class)));
          }
        }
      }
      String newest =
          string(
              c,
              "select reference_number from case_record where municipality_id = '"
                  + InboxBenchmark.MUSTERSTADT
                  + "' order by submitted_at desc limit 1");
      return new Setup(
          cases,
          muster,
          total - muster,
          open,
          me,
          offset,
          keys,
          newest.substring(0, 13),
          string(c, "show server_version"),
          string(c, "show shared_buffers"));
    }
  }

  /** The head of the report: what was measured on what. */
  String describe(int warmup, int iterations, String schemaVersion) {
    return "- cases: "
        + cases
        + " (Musterstadt "
        + musterstadt
        + ", Beispielheim "
        + beispielheim
        + "; Musterstadt open "
        + open
        + ")\n"
        + "- measured as role `rathaus` (row-level security on), staff scope of Musterstadt, subject `"
        + me
        + "`\n"
        + "- warm-up "
        + warmup
        + ", measured "
        + iterations
        + " iterations per query (n: fewer when a query"
        + " exhausted its time budget); page limit "
        + InboxBenchmark.LIMIT
        + "\n"
        + "- PostgreSQL "
        + postgresVersion
        + " (embedded, launcher settings, shared_buffers "
        + sharedBuffers
        + "), schema version "
        + schemaVersion
        + "\n"
        + "- machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + "\n";
  }

  private static String string(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long number(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
