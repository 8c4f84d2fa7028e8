package eu.rathaus.appointments.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The iCalendar file (RFC 5545) of one appointment: a VCALENDAR with one VEVENT, times in UTC (no
 * VTIMEZONE needed), text values escaped (backslash, semicolon, comma, line breaks), lines ended
 * with CRLF and folded after 75 octets without splitting a UTF-8 character. No iCalendar library
 * resolves here; {@code IcsCalendarTest} parses the output back.
 */
public final class IcsCalendar {

  /** Appointment facts the file carries; no personal data. */
  public record Event(
      String uid, Instant start, Instant end, String summary, String location, Instant stamp) {}

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private IcsCalendar() {}

  public static String of(Event event, boolean cancelled) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Rathaus//Terminvereinbarung//DE");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"));
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + event.uid());
    line(out, "DTSTAMP:" + UTC.format(event.stamp().truncatedTo(ChronoUnit.SECONDS)));
    line(out, "DTSTART:" + UTC.format(event.start()));
    line(out, "DTEND:" + UTC.format(event.end()));
    line(out, "SUMMARY:" + text(event.summary()));
    line(out, "LOCATION:" + text(event.location()));
    line(out, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
    line(out, "END:VEVENT");
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** Appends a content line, folded so no physical line exceeds 75 octets (RFC 5545, 3.1). */
  private static void line(StringBuilder out, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
