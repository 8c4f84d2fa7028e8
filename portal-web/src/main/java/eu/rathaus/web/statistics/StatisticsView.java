package eu.rathaus.web.statistics;

import eu.rathaus.statistics.application.Statistics;
import eu.rathaus.statistics.domain.Dashboard;
import eu.rathaus.statistics.domain.SvgBarChart;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Backing bean of the statistics pages: a GET form (period, for the platform also the
 * municipality), four charts made as SVG on the server and, under each, the same numbers as a
 * table. Request-scoped: everything comes from the URL, so a view can be bookmarked.
 */
@Named
@RequestScoped
public class StatisticsView {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Inject Statistics statistics;
  @Inject MunicipalityDirectory directory;
  @Inject LocaleSelection locale;

  private String from;
  private String to;
  private String municipality;
  private LocalDate start;
  private LocalDate end;
  private Dashboard dashboard;
  private boolean invalidPeriod;

  /** View action. */
  public void load() {
    LocalDate today = LocalDate.now(ZONE);
    start = parse(from, YearMonth.from(today).minusMonths(11).atDay(1));
    end = parse(to, today);
    if (end.isBefore(start) || start.plusYears(5).isBefore(end)) {
      invalidPeriod = true;
      start = YearMonth.from(today).minusMonths(11).atDay(1);
      end = today;
    }
    from = start.toString();
    to = end.toString();
    dashboard = statistics.dashboard(start, end, chosenMunicipality());
  }

  private UUID chosenMunicipality() {
    try {
      return municipality == null || municipality.isBlank() ? null : UUID.fromString(municipality);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private LocalDate parse(String value, LocalDate fallback) {
    try {
      return value == null || value.isBlank() ? fallback : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      invalidPeriod = true;
      return fallback;
    }
  }

  private ResourceBundle msg() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg");
  }

  public String label(String key) {
    return new StatisticsLabels(msg()).apply(key);
  }

  public String getApplicationsChart() {
    Map<String, Long> perMonth = new LinkedHashMap<>();
    for (Dashboard.ServiceMonth r : dashboard.applications()) {
      perMonth.merge(r.month(), r.count(), Long::sum);
    }
    List<SvgBarChart.Bar> bars = new ArrayList<>();
    perMonth.forEach(
        (month, count) -> bars.add(new SvgBarChart.Bar(month, count, count.toString())));
    return SvgBarChart.render(
        "chart-applications", msg().getString("statistics.applications.chart"), bars);
  }

  public String getProcessingChart() {
    List<SvgBarChart.Bar> bars = new ArrayList<>();
    for (Dashboard.Processing r : dashboard.processing()) {
      double median = r.medianDays() == null ? 0 : r.medianDays();
      bars.add(
          new SvgBarChart.Bar(
              r.service(),
              median,
              r.medianDays() == null
                  ? "–"
                  : String.format(locale.getLocale(), "%.1f / %d", median, r.deadlineDays())));
    }
    return SvgBarChart.render(
        "chart-processing", msg().getString("statistics.processing.chart"), bars);
  }

  public String getOpenChart() {
    Map<String, Long> perStatus = new LinkedHashMap<>();
    for (Dashboard.OpenCases r : dashboard.open()) {
      perStatus.merge(label("status." + r.status()), r.count(), Long::sum);
    }
    List<SvgBarChart.Bar> bars = new ArrayList<>();
    perStatus.forEach(
        (status, count) -> bars.add(new SvgBarChart.Bar(status, count, count.toString())));
    return SvgBarChart.render("chart-open", msg().getString("statistics.open.chart"), bars);
  }

  public String getPaymentsChart() {
    List<SvgBarChart.Bar> bars = new ArrayList<>();
    for (Dashboard.Payments r : dashboard.payments()) {
      bars.add(
          new SvgBarChart.Bar(
              label("state." + r.state()) + " · " + label("method." + r.method()),
              r.amountCents(),
              euros(r.amountCents())));
    }
    return SvgBarChart.render("chart-payments", msg().getString("statistics.payments.chart"), bars);
  }

  public String euros(long cents) {
    return java.text.NumberFormat.getCurrencyInstance(Locale.GERMANY).format(cents / 100.0);
  }

  public String decimal(Double value) {
    return value == null ? "–" : String.format(locale.getLocale(), "%.1f", value);
  }

  public long getPaymentCount() {
    return dashboard.payments().stream().mapToLong(Dashboard.Payments::count).sum();
  }

  public long getPaymentAmount() {
    return dashboard.payments().stream().mapToLong(Dashboard.Payments::amountCents).sum();
  }

  public long getPaymentPaid() {
    return dashboard.payments().stream().mapToLong(Dashboard.Payments::paidCents).sum();
  }

  public List<MunicipalitySummary> getMunicipalities() {
    return directory.search("");
  }

  public String getCsvHref() {
    return "from="
        + from
        + "&to="
        + to
        + (chosenMunicipality() == null ? "" : "&municipality=" + chosenMunicipality());
  }

  public Dashboard getDashboard() {
    return dashboard;
  }

  public boolean isInvalidPeriod() {
    return invalidPeriod;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getMunicipality() {
    return municipality;
  }

  public void setMunicipality(String municipality) {
    this.municipality = municipality;
  }
}
