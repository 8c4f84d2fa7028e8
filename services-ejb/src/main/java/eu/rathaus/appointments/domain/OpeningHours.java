package eu.rathaus.appointments.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** One opening period on a weekday, in the location's wall-clock time. */
public record OpeningHours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {

  public OpeningHours {
    Objects.requireNonNull(weekday, "weekday");
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("opening hours must open before they close");
    }
  }
}
