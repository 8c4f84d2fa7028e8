package eu.rathaus.statistics.domain;

import java.io.Serializable;
import java.util.List;

/** The figures of one dashboard: a municipality (or all, for the platform) and a period. */
public record Dashboard(
    List<ServiceMonth> applications,
    List<Processing> processing,
    List<OpenCases> open,
    List<Payments> payments,
    long paidOnline,
    long paidTotal)
    implements Serializable {

  /** Applications of one service submitted in one month (YYYY-MM, Europe/Berlin). */
  public record ServiceMonth(String service, String month, long count) implements Serializable {}

  /**
   * Processing time of one service's cases submitted in the period, in days (paused time excluded):
   * median and 90th percentile of the decided ones, against its deadline; overdue: decided after
   * the due date, or still open past it.
   */
  public record Processing(
      String service,
      long cases,
      long decided,
      Double medianDays,
      Double p90Days,
      int deadlineDays,
      long overdue)
      implements Serializable {

    /** Overdue share in percent of the service's cases, one decimal. */
    public double overduePercent() {
      return cases == 0 ? 0 : Math.round(overdue * 1000.0 / cases) / 10.0;
    }
  }

  /** Open cases of one status and clerk ("" when unassigned). */
  public record OpenCases(String status, String clerk, long count) implements Serializable {}

  /** Payment requests of one state and method ("" when none chosen yet). */
  public record Payments(String state, String method, long count, long amountCents, long paidCents)
      implements Serializable {}

  /** Share of paid payments paid online (hosted payment page), in percent, one decimal. */
  public double onlinePercent() {
    return paidTotal == 0 ? 0 : Math.round(paidOnline * 1000.0 / paidTotal) / 10.0;
  }
}
