package eu.rathaus.kernel;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reading the rows of a native query: the rows as arrays, and the column values the JDBC driver
 * hands over in more than one type (timestamps, dates) as {@code java.time} values.
 */
public final class NativeRows {

  private NativeRows() {}

  @SuppressWarnings("unchecked")
  public static List<Object[]> rows(Query query) {
    return (List<Object[]>) query.getResultList();
  }

  public static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }

  public static LocalDate date(Object value) {
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }
}
