package eu.rathaus.catalogue.application;

import eu.rathaus.catalogue.domain.Problem;
import java.util.List;
import java.util.UUID;

/**
 * Result of a catalogue write: the id of what was created or changed, or the problems that stopped
 * it. Invalid definitions are an expected outcome of editing, not an exception.
 */
public record CatalogueOutcome(UUID id, List<Problem> problems) {

  public CatalogueOutcome {
    problems = List.copyOf(problems);
  }

  public static CatalogueOutcome done(UUID id) {
    return new CatalogueOutcome(id, List.of());
  }

  public static CatalogueOutcome refused(List<Problem> problems) {
    return new CatalogueOutcome(null, problems);
  }

  public boolean isDone() {
    return problems.isEmpty();
  }
}
