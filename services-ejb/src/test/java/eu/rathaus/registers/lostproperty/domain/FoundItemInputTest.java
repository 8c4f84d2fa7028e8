package eu.rathaus.registers.lostproperty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.registers.lostproperty.domain.FoundItemInput.Problem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FoundItemInputTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @Test
  void aCompleteItemHasNoProblemsAndAnAnonymousFinderIsAllowed() {
    FoundItemInput input =
        new FoundItemInput(
            "wallet",
            " Braune Geldbörse ",
            "Marktplatz",
            "2026-12-06",
            "Zimmer 12",
            "",
            null,
            true);
    assertThat(input.problems(TODAY)).isEmpty();
    assertThat(input.parsedCategory()).isEqualTo(ItemCategory.WALLET);
    assertThat(input.parsedFoundOn()).isEqualTo(LocalDate.of(2026, 12, 6));
    assertThat(input.finderNameOrNull()).isNull();
  }

  @Test
  void everyBadFieldIsNamedWithItsReason() {
    FoundItemInput input =
        new FoundItemInput("gold", "ab", " ", "7.12.2026", "x".repeat(201), "A", "", false);
    assertThat(input.problems(TODAY))
        .containsExactly(
            new Problem("category", "lostproperty.problem.category"),
            new Problem("description", "lostproperty.problem.description.short"),
            new Problem("foundPlace", "lostproperty.problem.required"),
            new Problem("keptAt", "lostproperty.problem.tooLong"),
            new Problem("foundOn", "lostproperty.problem.date"));
  }

  @Test
  void anItemCannotBeFoundInTheFuture() {
    FoundItemInput input =
        new FoundItemInput(
            "keys", "Schlüssel", "Bahnhof", "2026-12-08", "Zimmer 12", "", "", false);
    assertThat(input.problems(TODAY))
        .containsExactly(new Problem("foundOn", "lostproperty.problem.date.future"));
  }

  @Test
  void theDeadlineIsSixMonthsAfterTheFindingAndDecidesWhoAcquires() {
    assertThat(FindersDeadline.of(LocalDate.of(2026, 8, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(FindersDeadline.passed(LocalDate.of(2026, 6, 7), TODAY)).isFalse();
    assertThat(FindersDeadline.passed(LocalDate.of(2026, 6, 6), TODAY)).isTrue();
    assertThat(FindersDeadline.outcome(true)).isEqualTo(ItemStatus.TO_FINDER);
    assertThat(FindersDeadline.outcome(false)).isEqualTo(ItemStatus.TO_MUNICIPALITY);
  }
}
