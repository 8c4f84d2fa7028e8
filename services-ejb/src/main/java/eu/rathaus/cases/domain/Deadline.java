package eu.rathaus.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The processing deadline of a case: submission plus the service's processing days, extended by
 * every period the case waited for the citizen — the authority's clock does not run while the
 * citizen has to act. Computed in the authority's time zone, to whole days.
 */
public final class Deadline {

  /** Germany: deadlines are understood in local calendar days. */
  public static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

  /** A period in which the clock stood still; {@code end} is null while it still lasts. */
  public record Pause(Instant start, Instant end) {
    public Pause {
      Objects.requireNonNull(start, "start");
      if (end != null && end.isBefore(start)) {
        throw new IllegalArgumentException("a pause cannot end before it starts");
      }
    }

    Duration length(Instant now) {
      return Duration.between(start, end == null ? now : end);
    }
  }

  private Deadline() {}

  /**
   * The due date: the local date of submission plus {@code processingDays}, plus the paused time
   * rounded up to whole days (a pause of a few hours still costs the citizen nothing).
   */
  public static LocalDate dueDate(
      Instant submittedAt, int processingDays, List<Pause> pauses, Instant now) {
    if (processingDays < 0) {
      throw new IllegalArgumentException("processing days must not be negative");
    }
    long pausedSeconds = pauses.stream().mapToLong(p -> p.length(now).getSeconds()).sum();
    long pausedDays = (pausedSeconds + 86_399) / 86_400;
    return submittedAt.atZone(AUTHORITY_ZONE).toLocalDate().plusDays(processingDays + pausedDays);
  }

  /** Overdue from the day after the due date, and only while the clock runs. */
  public static boolean isOverdue(LocalDate dueDate, CaseStatus status, Instant now) {
    return status.clockRuns() && now.atZone(AUTHORITY_ZONE).toLocalDate().isAfter(dueDate);
  }
}
