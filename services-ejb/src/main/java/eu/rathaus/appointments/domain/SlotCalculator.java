package eu.rathaus.appointments.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The free slots of a location: each opening period is cut into steps of the service's duration (a
 * slot must end by closing time), days in {@code closures} have none, slots that start before
 * {@code earliest} are gone, and a slot is offered when at least one counter is free for its whole
 * length (the first free counter in the given order is proposed).
 *
 * <p>Opening hours are wall-clock times of the location's zone. Each slot's start and end are
 * computed from the local date and time through the zone, so on the days of a DST change an 08:00
 * slot is still at 08:00 local time; a local time that does not exist (spring gap) is skipped, and
 * one that exists twice (autumn) is offered once, at its earlier instant.
 */
public final class SlotCalculator {

  private SlotCalculator() {}

  public static List<Slot> freeSlots(
      LocalDate from,
      int days,
      ZoneId zone,
      Collection<OpeningHours> hours,
      Set<LocalDate> closures,
      List<UUID> counters,
      Collection<Busy> busy,
      int minutes,
      Instant earliest) {
    if (minutes <= 0) {
      throw new IllegalArgumentException("a slot needs a positive duration");
    }
    Duration length = Duration.ofMinutes(minutes);
    List<Slot> slots = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      LocalDate day = from.plusDays(d);
      if (closures.contains(day)) {
        continue;
      }
      Map<Instant, Slot> ofDay = new LinkedHashMap<>();
      for (OpeningHours period : hours) {
        if (period.weekday() != day.getDayOfWeek()) {
          continue;
        }
        for (LocalTime t = period.opens();
            !t.plus(length).isAfter(period.closes()) && !t.plus(length).isBefore(t);
            t = t.plus(length)) {
          LocalDateTime local = LocalDateTime.of(day, t);
          if (zone.getRules().getValidOffsets(local).isEmpty()) {
            continue;
          }
          Instant start = ZonedDateTime.of(local, zone).toInstant();
          Instant end = ZonedDateTime.of(local.plus(length), zone).toInstant();
          if (!end.isAfter(start) || start.isBefore(earliest) || ofDay.containsKey(start)) {
            continue;
          }
          for (UUID counter : counters) {
            if (busy.stream()
                .noneMatch(b -> b.counter().equals(counter) && b.overlaps(start, end))) {
              ofDay.put(start, new Slot(counter, start, end, day, t));
              break;
            }
          }
        }
      }
      ofDay.values().stream().sorted(Comparator.comparing(Slot::start)).forEach(slots::add);
    }
    return slots;
  }
}
