package eu.rathaus.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void dueDateIsSubmissionPlusProcessingDaysInBerlin() {
    assertThat(Deadline.dueDate(SUBMITTED, 14, List.of(), SUBMITTED))
        .isEqualTo(LocalDate.of(2026, 12, 11));
    // 23:30 UTC is already the next day in Berlin.
    assertThat(Deadline.dueDate(Instant.parse("2026-11-27T23:30:00Z"), 0, List.of(), SUBMITTED))
        .isEqualTo(LocalDate.of(2026, 11, 28));
  }

  @Test
  void waitingForTheCitizenPausesTheClock() {
    List<Deadline.Pause> pauses =
        List.of(
            new Deadline.Pause(
                Instant.parse("2026-11-30T09:00:00Z"), Instant.parse("2026-12-03T09:00:00Z")),
            new Deadline.Pause(
                Instant.parse("2026-12-05T09:00:00Z"), Instant.parse("2026-12-05T12:00:00Z")));
    // 3 days plus a 3-hour pause, which still counts as a whole day for the citizen's benefit.
    assertThat(Deadline.dueDate(SUBMITTED, 14, pauses, SUBMITTED))
        .isEqualTo(LocalDate.of(2026, 12, 15));
  }

  @Test
  void anOpenPauseCountsUntilNow() {
    List<Deadline.Pause> open =
        List.of(new Deadline.Pause(Instant.parse("2026-12-01T00:00:00Z"), null));
    assertThat(Deadline.dueDate(SUBMITTED, 10, open, Instant.parse("2026-12-06T00:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 12));
  }

  @Test
  void overdueOnlyAfterTheDueDateAndWhileTheClockRuns() {
    LocalDate due = LocalDate.of(2026, 12, 11);
    assertThat(Deadline.isOverdue(due, CaseStatus.IN_REVIEW, Instant.parse("2026-12-11T22:00:00Z")))
        .isFalse();
    assertThat(Deadline.isOverdue(due, CaseStatus.IN_REVIEW, Instant.parse("2026-12-11T23:30:00Z")))
        .isTrue();
    assertThat(
            Deadline.isOverdue(
                due, CaseStatus.WAITING_FOR_CITIZEN, Instant.parse("2026-12-20T10:00:00Z")))
        .isFalse();
    assertThat(Deadline.isOverdue(due, CaseStatus.APPROVED, Instant.parse("2026-12-20T10:00:00Z")))
        .isFalse();
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> Deadline.dueDate(SUBMITTED, -1, List.of(), SUBMITTED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Deadline.Pause(SUBMITTED, SUBMITTED.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
