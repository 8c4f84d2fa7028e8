package eu.rathaus.statistics.application;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.statistics.domain.Dashboard;
import eu.rathaus.statistics.infrastructure.StatisticsSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The statistics dashboard: a municipal admin sees the own municipality (from the staff scope,
 * never a parameter), the platform admin all municipalities or one of them. Periods are days of
 * Europe/Berlin, [from, to]. Row-level security applies the same scope again.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class Statistics {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final UUID NONE = new UUID(0, 0);

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;

  Clock clock = Clock.systemUTC();

  /**
   * @param municipality for the platform: one municipality, or null for all; ignored for staff
   */
  public Dashboard dashboard(LocalDate from, LocalDate to, UUID municipality) {
    TenantScope scope = caller.get();
    boolean all;
    UUID which;
    if (scope.kind() == TenantScope.Kind.STAFF) {
      all = false;
      which = scope.municipalityId();
    } else if (scope.kind() == TenantScope.Kind.PLATFORM) {
      all = municipality == null;
      which = municipality == null ? NONE : municipality;
    } else {
      throw new SecurityException("statistics are for staff and the platform");
    }
    Timestamp start = Timestamp.from(from.atStartOfDay(ZONE).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant());
    List<Dashboard.ServiceMonth> applications =
        rows(StatisticsSql.APPLICATIONS_PER_SERVICE_AND_MONTH, all, which, start, end).stream()
            .map(r -> new Dashboard.ServiceMonth((String) r[0], (String) r[1], number(r[2])))
            .toList();
    Query processing =
        query(StatisticsSql.PROCESSING_PER_SERVICE, all, which, start, end)
            .setParameter(5, Date.valueOf(LocalDate.now(clock.withZone(ZONE))));
    @SuppressWarnings("unchecked")
    List<Object[]> processingRows = processing.getResultList();
    List<Dashboard.Processing> times =
        processingRows.stream()
            .map(
                r ->
                    new Dashboard.Processing(
                        (String) r[0],
                        number(r[1]),
                        number(r[2]),
                        decimal(r[3]),
                        decimal(r[4]),
                        r[5] == null ? 0 : ((Number) r[5]).intValue(),
                        number(r[6])))
            .toList();
    List<Dashboard.OpenCases> open =
        rows(StatisticsSql.OPEN_PER_STATUS_AND_CLERK, all, which, start, end).stream()
            .map(r -> new Dashboard.OpenCases((String) r[0], (String) r[1], number(r[2])))
            .toList();
    List<Dashboard.Payments> payments =
        rows(StatisticsSql.PAYMENTS_PER_STATE_AND_METHOD, all, which, start, end).stream()
            .map(
                r ->
                    new Dashboard.Payments(
                        (String) r[0], (String) r[1], number(r[2]), number(r[3]), number(r[4])))
            .toList();
    long paid =
        payments.stream()
            .filter(p -> p.state().equals("PAID") || p.state().equals("REFUNDED"))
            .mapToLong(Dashboard.Payments::count)
            .sum();
    long online =
        payments.stream()
            .filter(p -> p.state().equals("PAID") || p.state().equals("REFUNDED"))
            .filter(p -> p.method().equals("HOSTED_PAGE"))
            .mapToLong(Dashboard.Payments::count)
            .sum();
    return new Dashboard(applications, times, open, payments, online, paid);
  }

  private Query query(String sql, boolean all, UUID which, Timestamp start, Timestamp end) {
    return em.createNativeQuery(sql)
        .setParameter(1, all)
        .setParameter(2, which)
        .setParameter(3, start)
        .setParameter(4, end);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, boolean all, UUID which, Timestamp start, Timestamp end) {
    return query(sql, all, which, start, end).getResultList();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Double decimal(Object value) {
    return value == null ? null : Math.round(((Number) value).doubleValue() * 10.0) / 10.0;
  }
}
