package eu.rathaus.payments.application;

import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The CSV export for the finance system, shaped for what German treasuries open it with (Excel,
 * then an import into the Finanzwesen software):
 *
 * <ul>
 *   <li>separator {@code ;} and decimal comma ({@code 12,50}, no thousands separator, no currency
 *       sign — the currency is EUR throughout), as German Excel expects;
 *   <li>UTF-8 with a byte-order mark, so Excel does not read umlauts as Windows-1252;
 *   <li>CRLF line ends (RFC 4180); cells with {@code ;}, quotes or line breaks are quoted;
 *   <li>times in Europe/Berlin as {@code dd.MM.yyyy HH:mm}; states and methods as the German labels
 *       the treasury page shows ({@code Bezahlt}, {@code Überweisung}), given by the caller from
 *       the web's resource bundle ({@code treasury.state.*}, {@code treasury.method.*}) — the list
 *       of them is in the module README, for import rules of the finance software;
 *   <li>formula injection defused: a cell starting with {@code = + - @}, tab or carriage return
 *       gets a leading apostrophe, so a service title or name can never run as a spreadsheet
 *       formula.
 * </ul>
 */
public final class TreasuryCsv {

  public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  static final List<String> HEADER =
      List.of(
          "Kassenzeichen",
          "Aktenzeichen",
          "Leistung",
          "Betrag",
          "Bezahlt",
          "Erstattet",
          "Status",
          "Bezahlt am",
          "Zahlweg");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Berlin"));

  private TreasuryCsv() {}

  /** The words a file uses for states and payment methods (German, from the resource bundle). */
  public interface Labels {
    String state(PaymentState state);

    String method(PaymentMethod method);
  }

  /** The whole file, BOM included. */
  public static byte[] file(List<Treasury.PaymentRow> rows, Labels labels) {
    StringBuilder out = new StringBuilder();
    line(out, HEADER);
    for (Treasury.PaymentRow r : rows) {
      line(
          out,
          List.of(
              r.reference(),
              nz(r.referenceNumber()),
              nz(r.serviceTitle()),
              euros(r.amountCents()),
              euros(r.paidCents()),
              euros(r.refundedCents()),
              labels.state(r.state()),
              time(r.paidAt()),
              r.method() == null ? "" : labels.method(r.method())));
    }
    byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, file, 0, BOM.length);
    System.arraycopy(text, 0, file, BOM.length, text.length);
    return file;
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(';');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** One cell, defused against formulas and quoted where needed. */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(';') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  /** Cents as euros with a decimal comma: 1250 → "12,50". */
  public static String euros(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    return sign + (abs / 100) + "," + String.format("%02d", abs % 100);
  }

  private static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
