package eu.rathaus.appointments.domain;

import java.time.Instant;
import java.util.UUID;

/** A time a counter is taken (a booking or a live hold), half-open: [start, end). */
public record Busy(UUID counter, Instant start, Instant end) {

  boolean overlaps(Instant otherStart, Instant otherEnd) {
    return start.isBefore(otherEnd) && otherStart.isBefore(end);
  }
}
