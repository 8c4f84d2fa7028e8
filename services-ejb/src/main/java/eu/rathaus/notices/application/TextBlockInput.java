package eu.rathaus.notices.application;

import eu.rathaus.notices.domain.TextBlockKind;
import eu.rathaus.tenancy.application.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the admin typed for a text block, before it is checked. Field names are the form's input ids
 * ({@code kind}, {@code title}, {@code body}, {@code order}), so problems land at their field.
 */
public record TextBlockInput(TextBlockKind kind, String title, String body, Integer order) {

  public static final int MAX_TITLE = 120;
  public static final int MAX_BODY = 4000;
  public static final int MAX_ORDER = 9999;

  /** The title and body as stored: trimmed, line breaks normalised to \n. */
  public TextBlockInput normalised() {
    return new TextBlockInput(kind, clean(title), clean(body), order == null ? 0 : order);
  }

  /**
   * Every problem, each with a message key of the web bundle ({@code textblocks.problem.*}).
   * Lengths count code points as people do; control characters are refused (they cannot be seen in
   * the form but end up in the notice), except line breaks and tabs in the body.
   */
  public List<FieldProblem> problems() {
    TextBlockInput n = normalised();
    List<FieldProblem> problems = new ArrayList<>();
    if (n.kind() == null) {
      problems.add(FieldProblem.of("kind", "textblocks.problem.kind"));
    }
    check(problems, "title", n.title(), MAX_TITLE, false);
    check(problems, "body", n.body(), MAX_BODY, true);
    if (n.order() < 0 || n.order() > MAX_ORDER) {
      problems.add(FieldProblem.of("order", "textblocks.problem.order", MAX_ORDER));
    }
    return problems;
  }

  private static void check(
      List<FieldProblem> problems, String field, String value, int max, boolean multiline) {
    if (value.isEmpty()) {
      problems.add(FieldProblem.of(field, "textblocks.problem." + field + ".required"));
    } else if (value.codePointCount(0, value.length()) > max) {
      problems.add(FieldProblem.of(field, "textblocks.problem." + field + ".tooLong", max));
    } else if (value
        .codePoints()
        .anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t')))) {
      problems.add(FieldProblem.of(field, "textblocks.problem.control"));
    }
  }

  private static String clean(String value) {
    return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
