package eu.rathaus.web.applications;

import eu.rathaus.applications.application.SubmissionOutcome;
import java.util.Optional;

/**
 * What the apply page answers to "Antrag absenden": either the reference of the application to
 * confirm, or a message (bundle key with its arguments) shown on the review step.
 */
record SubmitReply(String reference, String messageKey, Object... args) {

  static SubmitReply confirm(String reference) {
    return new SubmitReply(reference, null);
  }

  static SubmitReply message(String key, Object... args) {
    return new SubmitReply(null, key, args);
  }

  boolean confirmed() {
    return reference != null;
  }

  /** The reply to what the journey answered. */
  static SubmitReply of(SubmissionOutcome outcome) {
    return switch (outcome.result()) {
      case SUBMITTED -> confirm(outcome.reference().format());
      case INVALID ->
          outcome.firstStepWithProblem() >= 0
              ? message("application.submit.invalidStep", outcome.firstStepWithProblem() + 1)
              : message("application.submit.invalid");
      case NOT_FOUND -> message("application.submit.failed");
      case UNAVAILABLE -> message("application.submit.unavailable");
    };
  }

  /**
   * The reply when the submission threw: a concurrent duplicate with the same idempotency key may
   * have won the race, then its application is confirmed; otherwise nothing was stored (one
   * transaction) and the citizen is told to try later instead of seeing an error page.
   */
  static SubmitReply afterFailure(Optional<String> earlierReference) {
    return earlierReference
        .map(SubmitReply::confirm)
        .orElseGet(() -> message("application.submit.unavailable"));
  }
}
