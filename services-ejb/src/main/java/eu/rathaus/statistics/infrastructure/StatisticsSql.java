package eu.rathaus.statistics.infrastructure;

/**
 * The dashboard's queries. Every one takes the same parameters in the same order, each used once:
 * {@code ?1} all municipalities (boolean; only the platform scope sees more than one anyway),
 * {@code ?2} the municipality (ignored when {@code ?1}), {@code ?3} and {@code ?4} the period
 * [from, to) of submission or request. The processing query takes {@code ?5}, today in
 * Europe/Berlin. JPA runs them as native queries; the inbox benchmark runs the same text through
 * JDBC ({@link #jdbc}). Row-level security applies to both.
 */
public final class StatisticsSql {

  private static final String SCOPE = "(?1 or c.municipality_id = ?2)";
  private static final String OPEN = "('SUBMITTED','IN_REVIEW','WAITING_FOR_CITIZEN')";

  private StatisticsSql() {}

  /** Service title, month (YYYY-MM), applications. */
  public static final String APPLICATIONS_PER_SERVICE_AND_MONTH =
      "select d.title_de, to_char(c.submitted_at at time zone 'Europe/Berlin', 'YYYY-MM'), count(*)"
          + " from case_record c join service_definition d on d.id = c.definition_id"
          + " where "
          + SCOPE
          + " and c.submitted_at >= ?3 and c.submitted_at < ?4"
          + " group by 1, 2 order by 2, 1";

  /**
   * Service title, cases, decided, median and 90th percentile of the days to the decision (paused
   * time excluded), the longest deadline in days, overdue cases.
   */
  public static final String PROCESSING_PER_SERVICE =
      "select d.title_de, count(*), count(c.decided_at),"
          + " percentile_cont(0.5) within group (order by extract(epoch from c.decided_at - c.submitted_at) / 86400.0"
          + "   - c.paused_seconds / 86400.0) filter (where c.decided_at is not null),"
          + " percentile_cont(0.9) within group (order by extract(epoch from c.decided_at - c.submitted_at) / 86400.0"
          + "   - c.paused_seconds / 86400.0) filter (where c.decided_at is not null),"
          + " max(c.processing_days),"
          + " count(*) filter (where (c.decided_at is not null and (c.decided_at at time zone 'Europe/Berlin')::date > c.due_date)"
          + "   or (c.decided_at is null and c.status in "
          + OPEN
          + " and c.due_date < ?5))"
          + " from case_record c join service_definition d on d.id = c.definition_id"
          + " where "
          + SCOPE
          + " and c.submitted_at >= ?3 and c.submitted_at < ?4"
          + " group by 1 order by 1";

  /** Status, clerk (empty: unassigned), open cases — the current state, whatever the period. */
  public static final String OPEN_PER_STATUS_AND_CLERK =
      "select c.status, coalesce(c.assignee_name, ''), count(*) from case_record c"
          + " where "
          + SCOPE
          + " and c.status in "
          + OPEN
          + " and ?3 <= ?4"
          + " group by 1, 2 order by 1, 2";

  /** State, method (empty: none chosen), requests, amount and paid in cents, by request date. */
  public static final String PAYMENTS_PER_STATE_AND_METHOD =
      "select c.state, coalesce(c.method, ''), count(*), sum(c.amount_cents), sum(c.paid_cents)"
          + " from payment_request c"
          + " where "
          + SCOPE
          + " and c.created_at >= ?3 and c.created_at < ?4"
          + " group by 1, 2 order by 1, 2";

  /** The statement for JDBC: {@code ?n} becomes {@code ?} (each is used once, in order). */
  public static String jdbc(String sql) {
    return sql.replaceAll("\\?[1-5]", "?");
  }
}
