package eu.rathaus.applications.application;

import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.catalogue.domain.Problem;
import java.util.List;

/**
 * Result of a submission. {@code SUBMITTED} also answers a repeated submission with the same
 * idempotency key: the citizen sees the reference of the one application that exists.
 */
public record SubmissionOutcome(
    Result result, ReferenceNumber reference, List<Problem> problems, int firstStepWithProblem) {

  /** What happened. */
  public enum Result {
    SUBMITTED,
    /**
     * The answers do not pass the full check (e.g. a required file is missing); nothing was stored.
     */
    INVALID,
    /** No such draft of this citizen (and no application with this key). */
    NOT_FOUND,
    /**
     * The municipality cannot take this application now (e.g. a fee but no payee account); the
     * draft is kept and nothing else was stored.
     */
    UNAVAILABLE
  }

  public SubmissionOutcome {
    problems = List.copyOf(problems);
  }

  static SubmissionOutcome submitted(ReferenceNumber reference) {
    return new SubmissionOutcome(Result.SUBMITTED, reference, List.of(), -1);
  }

  static SubmissionOutcome invalid(List<Problem> problems, int step) {
    return new SubmissionOutcome(Result.INVALID, null, problems, step);
  }

  static SubmissionOutcome unavailable() {
    return new SubmissionOutcome(Result.UNAVAILABLE, null, List.of(), -1);
  }

  static SubmissionOutcome notFound() {
    return new SubmissionOutcome(Result.NOT_FOUND, null, List.of(), -1);
  }
}
