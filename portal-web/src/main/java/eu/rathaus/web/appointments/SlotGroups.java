package eu.rathaus.web.appointments;

import eu.rathaus.appointments.domain.Slot;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Free slots as the booking page lists them: one group per day (a heading and a list of buttons),
 * each button's visible time and its full spoken label (day and time), so a screen reader user
 * tabbing through the buttons hears which day a time belongs to.
 */
final class SlotGroups {

  private SlotGroups() {}

  /** One day's slots. */
  public static final class Day implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String heading;
    private final List<Choice> slots;

    Day(String id, String heading, List<Choice> slots) {
      this.id = id;
      this.heading = heading;
      this.slots = slots;
    }

    public String getId() {
      return id;
    }

    public String getHeading() {
      return heading;
    }

    public List<Choice> getSlots() {
      return slots;
    }
  }

  /** One bookable time. */
  public static final class Choice implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String value;
    private final String time;
    private final String label;

    Choice(String value, String time, String label) {
      this.value = value;
      this.time = time;
      this.label = label;
    }

    /** The start as epoch milliseconds (what the button posts). */
    public String getValue() {
      return value;
    }

    public String getTime() {
      return time;
    }

    public String getLabel() {
      return label;
    }
  }

  static List<Day> of(Map<LocalDate, List<Slot>> byDay, Locale locale) {
    DateTimeFormatter dayFormat =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
    DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("HH:mm", locale);
    return byDay.entrySet().stream()
        .map(
            e ->
                new Day(
                    "day-" + e.getKey(),
                    dayFormat.format(e.getKey()),
                    e.getValue().stream()
                        .map(
                            s ->
                                new Choice(
                                    Long.toString(s.start().toEpochMilli()),
                                    timeFormat.format(s.localStart()),
                                    dayFormat.format(s.day())
                                        + ", "
                                        + timeFormat.format(s.localStart())))
                        .toList()))
        .toList();
  }

  public static String when(ZonedDateTime start, ZonedDateTime end, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(start)
        + ", "
        + DateTimeFormatter.ofPattern("HH:mm", locale).format(start)
        + "–"
        + DateTimeFormatter.ofPattern("HH:mm", locale).format(end);
  }
}
