package eu.rathaus.kernel;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Values of native queries as Java types, whichever type the JDBC driver and Hibernate chose. */
public final class SqlValues {

  private SqlValues() {}

  /** A {@code timestamptz} column's value as an instant; null stays null. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
