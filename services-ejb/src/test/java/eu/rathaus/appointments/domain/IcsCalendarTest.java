package eu.rathaus.appointments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calendar file against RFC 5545's rules, read back by a small strict parser of its own: CRLF
 * line ends, no physical line over 75 octets, unfolding, property values unescaped, one VEVENT.
 */
class IcsCalendarTest {

  private static final IcsCalendar.Event EVENT =
      new IcsCalendar.Event(
          "0a1b@rathaus",
          Instant.parse("2027-03-29T06:00:00Z"),
          Instant.parse("2027-03-29T06:15:00Z"),
          "Personalausweis abholen; Ausweis, Foto\\Unterschrift",
          "Bürgerbüro, Rathausplatz 1, 91000 Musterstadt – Eingang über den Hof, Aufzug vorhanden,"
              + " barrierefrei erreichbar, bitte Wartenummer ziehen",
          Instant.parse("2027-03-01T10:11:12.345Z"));

  @Test
  void linesEndWithCrlfAndNoPhysicalLineExceeds75Octets() {
    String ics = IcsCalendar.of(EVENT, false);
    assertThat(ics).endsWith("END:VCALENDAR\r\n");
    assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    assertThat(ics).contains("\r\n "); // the long location was folded
  }

  @Test
  void parsedBackItIsOneEventWithTheExactValues() {
    Map<String, String> event = singleEvent(IcsCalendar.of(EVENT, false));
    assertThat(event)
        .containsEntry("UID", "0a1b@rathaus")
        .containsEntry("DTSTART", "20270329T060000Z")
        .containsEntry("DTEND", "20270329T061500Z")
        .containsEntry("DTSTAMP", "20270301T101112Z")
        .containsEntry("SUMMARY", EVENT.summary())
        .containsEntry("LOCATION", EVENT.location())
        .containsEntry("STATUS", "CONFIRMED");
  }

  @Test
  void aCancelledAppointmentSaysSo() {
    String ics = IcsCalendar.of(EVENT, true);
    assertThat(ics).contains("\r\nMETHOD:CANCEL\r\n");
    assertThat(singleEvent(ics)).containsEntry("STATUS", "CANCELLED");
  }

  @Test
  void textEscapesLineBreaksAndSeparators() {
    assertThat(IcsCalendar.text("a;b,c\\d\ne")).isEqualTo("a\\;b\\,c\\\\d\\ne");
  }

  /** Unfolds, checks the calendar's frame and returns the event's properties, unescaped. */
  private static Map<String, String> singleEvent(String ics) {
    List<String> lines = new ArrayList<>();
    for (String physical : ics.split("\r\n")) {
      if (physical.startsWith(" ")) {
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
      } else {
        lines.add(physical);
      }
    }
    assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
    assertThat(lines).contains("VERSION:2.0").startsWith("BEGIN:VCALENDAR");
    assertThat(lines.stream().filter(l -> l.startsWith("PRODID:"))).hasSize(1);
    assertThat(lines.stream().filter(l -> l.equals("BEGIN:VEVENT"))).hasSize(1);
    Map<String, String> event = new LinkedHashMap<>();
    boolean inside = false;
    for (String line : lines) {
      if (line.equals("BEGIN:VEVENT")) {
        inside = true;
      } else if (line.equals("END:VEVENT")) {
        inside = false;
      } else if (inside) {
        int colon = line.indexOf(':');
        assertThat(colon).as(line).isPositive();
        event.put(line.substring(0, colon), unescape(line.substring(colon + 1)));
      }
    }
    return event;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        assertThat(c).as("unescaped separator in " + value).isNotIn(';', ',');
        out.append(c);
      }
    }
    return out.toString();
  }
}
