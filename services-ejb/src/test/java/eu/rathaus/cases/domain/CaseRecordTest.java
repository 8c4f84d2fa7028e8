package eu.rathaus.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseRecordTest {

  @Test
  void deadlineCountsFromTheGermanCalendarDay() {
    // 23:30 UTC on 1 March is already 2 March in Berlin (CET, +1).
    assertThat(CaseRecord.dueDate(Instant.parse("2026-03-01T23:30:00Z"), 5))
        .isEqualTo(LocalDate.of(2026, 3, 7));
    assertThat(CaseRecord.dueDate(Instant.parse("2026-03-01T10:00:00Z"), 5))
        .isEqualTo(LocalDate.of(2026, 3, 6));
  }

  @Test
  void aDeadlineIsAtLeastOneDay() {
    assertThatThrownBy(() -> CaseRecord.dueDate(Instant.now(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
