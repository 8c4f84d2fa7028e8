package eu.rathaus.applications.application;

import eu.rathaus.catalogue.domain.Problem;
import java.util.List;
import java.util.UUID;

/**
 * Result of saving a step: the draft it was saved in, or the problems that stopped it (nothing
 * saved).
 */
public record StepOutcome(UUID draftId, List<Problem> problems) {

  public StepOutcome {
    problems = List.copyOf(problems);
  }

  public boolean isSaved() {
    return problems.isEmpty();
  }
}
