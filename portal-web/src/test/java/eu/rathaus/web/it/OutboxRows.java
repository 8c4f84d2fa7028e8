package eu.rathaus.web.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Outbox rows read and written behind the portal's back (superuser), for the retry tests: a notice
 * put in place directly, and its delivery state watched while the sender works on it.
 */
public final class OutboxRows {

  private OutboxRows() {}

  /** A row's delivery state, with the database's clock at the moment it was read. */
  public record State(
      int attempts, Instant nextAttemptAt, Instant sentAt, String lastError, Instant observedAt) {}

  /**
   * Replaces row {@code id} (left by an earlier run) with a fresh notice due now, after {@code
   * attempts} failures.
   */
  public static void replace(
      UUID id, UUID municipalityId, String to, String templateKey, int attempts) throws Exception {
    try (Connection c = Jdbc.superuser()) {
      try (PreparedStatement delete =
          c.prepareStatement("delete from notification_outbox where id = ?")) {
        delete.setObject(1, id);
        delete.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into notification_outbox (id, municipality_id, recipient_subject, recipient_email, template_key,"
                  + " parameters, locale, attempts, next_attempt_at) values (?, ?, 'it-retry', ?, ?,"
                  + " jsonb_build_object('thread', ?::text), 'de', ?, now())")) {
        insert.setObject(1, id);
        insert.setObject(2, municipalityId);
        insert.setString(3, to);
        insert.setString(4, templateKey);
        insert.setString(5, UUID.nameUUIDFromBytes(id.toString().getBytes()).toString());
        insert.setInt(6, attempts);
        insert.executeUpdate();
      }
    }
  }

  /** Removes rows a test put in place, so nothing it leaves behind shows up in later lists. */
  public static void delete(UUID... ids) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement delete =
            c.prepareStatement("delete from notification_outbox where id = ?")) {
      for (UUID id : ids) {
        delete.setObject(1, id);
        delete.executeUpdate();
      }
    }
  }

  public static State read(UUID id) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select attempts, next_attempt_at, sent_at, last_error, clock_timestamp() from notification_outbox where id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        return new State(
            r.getInt(1),
            instant(r.getTimestamp(2)),
            instant(r.getTimestamp(3)),
            r.getString(4),
            instant(r.getTimestamp(5)));
      }
    }
  }

  /**
   * Waits until the row counts at least {@code attempts} failed attempts (or was sent); null on
   * time-out.
   */
  public static State awaitAttempts(UUID id, int attempts, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    do {
      State state = read(id);
      if (state != null && (state.attempts() >= attempts || state.sentAt() != null)) {
        return state;
      }
      Thread.sleep(150);
    } while (System.currentTimeMillis() < deadline);
    return null;
  }

  /** Waits until the row was sent; null on time-out. */
  public static State awaitSent(UUID id, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    do {
      State state = read(id);
      if (state != null && state.sentAt() != null) {
        return state;
      }
      Thread.sleep(250);
    } while (System.currentTimeMillis() < deadline);
    return null;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
