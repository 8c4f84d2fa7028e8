package eu.rathaus.notices.application;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.notices.domain.TextBlockKind;
import eu.rathaus.tenancy.application.FieldProblem;
import org.junit.jupiter.api.Test;

class TextBlockInputTest {

  private static java.util.List<String> keys(TextBlockInput input) {
    return input.problems().stream().map(FieldProblem::messageKey).toList();
  }

  @Test
  void aCompleteBlockHasNoProblemsAndIsNormalised() {
    TextBlockInput input =
        new TextBlockInput(
            TextBlockKind.LEGAL_REMEDY, "  Belehrung ", "Absatz 1\r\n\r\nAbsatz 2\t.", null);

    assertThat(input.problems()).isEmpty();
    assertThat(input.normalised())
        .isEqualTo(
            new TextBlockInput(
                TextBlockKind.LEGAL_REMEDY, "Belehrung", "Absatz 1\n\nAbsatz 2\t.", 0));
  }

  @Test
  void everyProblemIsNamedAtItsField() {
    assertThat(keys(new TextBlockInput(null, " ", null, -1)))
        .containsExactly(
            "textblocks.problem.kind",
            "textblocks.problem.title.required",
            "textblocks.problem.body.required",
            "textblocks.problem.order");
    assertThat(new TextBlockInput(TextBlockKind.APPROVAL, "x".repeat(121), "y", 1).problems())
        .containsExactly(FieldProblem.of("title", "textblocks.problem.title.tooLong", 120));
  }

  @Test
  void lengthsCountCharactersAsPeopleDo() {
    // 120 emoji are 240 UTF-16 units but 120 characters: allowed.
    assertThat(new TextBlockInput(TextBlockKind.APPROVAL, "😀".repeat(120), "y", 1).problems())
        .isEmpty();
    assertThat(keys(new TextBlockInput(TextBlockKind.APPROVAL, "y", "ä".repeat(4001), 1)))
        .containsExactly("textblocks.problem.body.tooLong");
  }

  @Test
  void controlCharactersAreRefusedButLineBreaksInTheBodyAreFine() {
    assertThat(keys(new TextBlockInput(TextBlockKind.APPROVAL, "a\nb", "ok", 1)))
        .containsExactly("textblocks.problem.control");
    assertThat(keys(new TextBlockInput(TextBlockKind.APPROVAL, "a", "b\u0000c", 1)))
        .containsExactly("textblocks.problem.control");
    assertThat(new TextBlockInput(TextBlockKind.APPROVAL, "a", "b\nc", 1).problems()).isEmpty();
  }
}
