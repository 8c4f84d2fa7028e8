package eu.rathaus.benchmarks.portal;

import eu.rathaus.audit.domain.AuditHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The database's own limit for one submission: the writes the portal's submission transaction makes
 * (reference counter, application, audit entry with its chain head, case record, case event, outbox
 * row — the lost-property form has no fee, so neither path writes a payment request) as plain JDBC,
 * one durable transaction per submission, on the same PostgreSQL with the same tables, indexes,
 * triggers and {@code synchronous_commit=on}.
 *
 * <p>Each row is a copy of a row the portal itself wrote in the web stage (same sizes, same JSON),
 * with fresh keys; the audit entry is hashed into the municipality's chain exactly as the portal
 * does it (head row locked until commit), so the chain still verifies afterwards. Runs as the
 * superuser, so row-level security policies are not evaluated here (the portal pays for them).
 */
final class JdbcBaseline {

  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  private final DataSource dataSource;
  private final UUID templateApplication;
  private final Map<String, String> copySql = new LinkedHashMap<>();
  private UUID municipality;
  private String code;

  JdbcBaseline(DataSource dataSource, UUID templateApplication) throws SQLException {
    this.dataSource = dataSource;
    this.templateApplication = templateApplication;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "select a.municipality_id, split_part(a.reference_number, '-', 1)"
                  + " from case_application a where a.id = ?")) {
        s.setObject(1, templateApplication);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          municipality = rs.getObject(1, UUID.class);
          code = rs.getString(2);
        }
      }
      copySql.put(
          "case_application",
          copy(
              c,
              "case_application",
              Map.of("id", "?", "reference_number", "?", "idempotency_key", "?"),
              "id = ?"));
      copySql.put(
          "case_record",
          copy(
              c,
              "case_record",
              Map.of("id", "?", "application_id", "?", "reference_number", "?"),
              "application_id = ?"));
      copySql.put(
          "case_event",
          copy(
              c,
              "case_event",
              Map.of("id", "?", "case_id", "?"),
              "case_id = (select id from case_record where application_id = ?) limit 1"));
      copySql.put(
          "notification_outbox",
          copy(
              c,
              "notification_outbox",
              Map.of("id", "?"),
              "parameters->>'reference' = (select reference_number from case_application"
                  + " where id = ?) limit 1"));
    }
  }

  /** An {@code insert … select} copying one row with the given columns replaced by parameters. */
  private static String copy(
      Connection c, String table, Map<String, String> overrides, String where) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select column_name from information_schema.columns where table_schema = 'public'"
                + " and table_name = ? and is_identity = 'NO' and is_generated = 'NEVER'"
                + " order by ordinal_position")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    // Parameters in the order of the overrides as they appear among the columns.
    StringBuilder select = new StringBuilder();
    for (String col : columns) {
      if (select.length() > 0) {
        select.append(", ");
      }
      select.append(overrides.getOrDefault(col, col));
    }
    return "insert into "
        + table
        + " ("
        + String.join(", ", columns)
        + ") select "
        + select
        + " from "
        + table
        + " where "
        + where;
  }

  /**
   * One submission's transaction on the worker's own connection (as a pool would give it); returns
   * when it is durably committed.
   */
  void submitOnce(Connection c) throws SQLException {
    {
      c.setAutoCommit(false);
      try {
        Instant now = Instant.now();
        int year = now.atZone(GERMAN_TIME).getYear();
        long number;
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into application_reference_counter (municipality_id, year, last_value)"
                    + " values (?, ?, 1) on conflict (municipality_id, year) do update set"
                    + " last_value = application_reference_counter.last_value + 1"
                    + " returning last_value")) {
          s.setObject(1, municipality);
          s.setInt(2, year);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            number = rs.getLong(1);
          }
        }
        String reference = String.format("%s-%d-%06d", code, year, number);
        UUID application = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String columns = copySql.get("case_application");
        try (PreparedStatement s = c.prepareStatement(columns)) {
          bindInOrder(
              s,
              columns,
              Map.of(
                  "id", application,
                  "reference_number", reference,
                  "idempotency_key", UUID.randomUUID().toString()));
          s.setObject(countParameters(columns), templateApplication);
          s.executeUpdate();
        }
        audit(c, now, application, reference);
        String caseSql = copySql.get("case_record");
        try (PreparedStatement s = c.prepareStatement(caseSql)) {
          bindInOrder(
              s,
              caseSql,
              Map.of("id", caseId, "application_id", application, "reference_number", reference));
          s.setObject(countParameters(caseSql), templateApplication);
          s.executeUpdate();
        }
        String eventSql = copySql.get("case_event");
        try (PreparedStatement s = c.prepareStatement(eventSql)) {
          bindInOrder(s, eventSql, Map.of("id", UUID.randomUUID(), "case_id", caseId));
          s.setObject(countParameters(eventSql), templateApplication);
          s.executeUpdate();
        }
        String outboxSql = copySql.get("notification_outbox");
        try (PreparedStatement s = c.prepareStatement(outboxSql)) {
          bindInOrder(s, outboxSql, Map.of("id", UUID.randomUUID()));
          s.setObject(countParameters(outboxSql), templateApplication);
          s.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The portal's {@code JpaAuditLog.record}: head row locked, entry hashed onto it, head moved. */
  private void audit(Connection c, Instant at, UUID application, String reference)
      throws SQLException {
    String chain = "municipality:" + municipality;
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into audit_chain_head (chain, last_seq, last_hash) values (?, 0, ?)"
                + " on conflict (chain) do nothing")) {
      s.setString(1, chain);
      s.setString(2, AuditHasher.GENESIS);
      s.executeUpdate();
    }
    long seq;
    String prev;
    try (PreparedStatement s =
        c.prepareStatement(
            "select last_seq, last_hash from audit_chain_head where chain = ? for update")) {
      s.setString(1, chain);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        seq = rs.getLong(1) + 1;
        prev = rs.getString(2);
      }
    }
    Instant now = AuditHasher.storable(at);
    String actor = "bench-baseline";
    String hash =
        AuditHasher.hash(
            new AuditHasher.Content(
                chain,
                seq,
                now,
                actor,
                "application.submitted",
                "case_application",
                application.toString(),
                municipality,
                reference),
            prev);
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into audit_entry (chain, seq, occurred_at, actor, action, subject_type,"
                + " subject_id, municipality_id, details, prev_hash, hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, chain);
      s.setLong(2, seq);
      s.setTimestamp(3, Timestamp.from(now));
      s.setString(4, actor);
      s.setString(5, "application.submitted");
      s.setString(6, "case_application");
      s.setString(7, application.toString());
      s.setObject(8, municipality);
      s.setString(9, reference);
      s.setString(10, prev);
      s.setString(11, hash);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "update audit_chain_head set last_seq = ?, last_hash = ? where chain = ?")) {
      s.setLong(1, seq);
      s.setString(2, hash);
      s.setString(3, chain);
      s.executeUpdate();
    }
  }

  /**
   * Binds the overridden columns' values in the order their {@code ?} appear in the select list.
   */
  private static void bindInOrder(PreparedStatement s, String sql, Map<String, Object> values)
      throws SQLException {
    String columnList = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')'));
    int index = 1;
    for (String col : columnList.split(", ")) {
      if (values.containsKey(col)) {
        s.setObject(index++, values.get(col));
      }
    }
  }

  private static int countParameters(String sql) {
    return (int) sql.chars().filter(ch -> ch == '?').count();
  }
}
