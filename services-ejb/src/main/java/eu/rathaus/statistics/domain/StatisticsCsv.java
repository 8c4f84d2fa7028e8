package eu.rathaus.statistics.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * The dashboard as CSV for spreadsheets: German headings, {@code ;}, decimal comma, UTF-8 with BOM,
 * CRLF, one block per table with a heading line and a blank line between blocks. A cell that a
 * spreadsheet would read as a formula ({@code = + - @}, tab, CR) gets a leading {@code '}. Status,
 * state and method names come through {@code label}, so the file says "in Bearbeitung", not
 * IN_REVIEW.
 */
public final class StatisticsCsv {

  private StatisticsCsv() {}

  public static byte[] of(Dashboard d, String period, Function<String, String> label) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, "Statistik", period);
    out.append("\r\n");
    line(out, "Anträge je Leistung und Monat");
    line(out, "Leistung", "Monat", "Anträge");
    for (Dashboard.ServiceMonth r : d.applications()) {
      line(out, r.service(), r.month(), Long.toString(r.count()));
    }
    out.append("\r\n");
    line(out, "Bearbeitungszeiten gegen die Frist");
    line(
        out,
        "Leistung",
        "Vorgänge",
        "entschieden",
        "Median (Tage)",
        "90. Perzentil (Tage)",
        "Frist (Tage)",
        "überfällig",
        "überfällig (%)");
    for (Dashboard.Processing r : d.processing()) {
      line(
          out,
          r.service(),
          Long.toString(r.cases()),
          Long.toString(r.decided()),
          decimal(r.medianDays()),
          decimal(r.p90Days()),
          Integer.toString(r.deadlineDays()),
          Long.toString(r.overdue()),
          decimal(r.overduePercent()));
    }
    out.append("\r\n");
    line(out, "Offene Vorgänge je Status und Sachbearbeitung");
    line(out, "Status", "Sachbearbeitung", "Vorgänge");
    for (Dashboard.OpenCases r : d.open()) {
      line(
          out,
          label.apply("status." + r.status()),
          r.clerk().isEmpty() ? label.apply("clerk.none") : r.clerk(),
          Long.toString(r.count()));
    }
    out.append("\r\n");
    line(out, "Zahlungen je Stand und Zahlweg");
    line(out, "Stand", "Zahlweg", "Anzahl", "Betrag (EUR)", "bezahlt (EUR)");
    for (Dashboard.Payments r : d.payments()) {
      line(
          out,
          label.apply("state." + r.state()),
          label.apply("method." + r.method()),
          Long.toString(r.count()),
          euros(r.amountCents()),
          euros(r.paidCents()));
    }
    line(
        out,
        "Summe",
        "",
        Long.toString(d.payments().stream().mapToLong(Dashboard.Payments::count).sum()),
        euros(d.payments().stream().mapToLong(Dashboard.Payments::amountCents).sum()),
        euros(d.payments().stream().mapToLong(Dashboard.Payments::paidCents).sum()));
    out.append("\r\n");
    line(out, "Online-Anteil der Zahlungen (%)", decimal(d.onlinePercent()));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String euros(long cents) {
    return String.format(Locale.GERMANY, "%d,%02d", cents / 100, Math.abs(cents % 100));
  }

  static String decimal(Double value) {
    return value == null ? "" : String.format(Locale.GERMANY, "%.1f", value);
  }

  private static void line(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(';');
      }
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
