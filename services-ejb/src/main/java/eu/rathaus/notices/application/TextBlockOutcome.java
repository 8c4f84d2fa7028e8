package eu.rathaus.notices.application;

import eu.rathaus.tenancy.application.FieldProblem;
import java.util.List;
import java.util.UUID;

/** A saved text block's id, or the problems that kept it from being saved (nothing stored then). */
public record TextBlockOutcome(UUID id, List<FieldProblem> problems) {

  public TextBlockOutcome {
    problems = List.copyOf(problems);
  }

  static TextBlockOutcome saved(UUID id) {
    return new TextBlockOutcome(id, List.of());
  }

  static TextBlockOutcome refused(List<FieldProblem> problems) {
    return new TextBlockOutcome(null, problems);
  }

  public boolean isSaved() {
    return problems.isEmpty();
  }
}
