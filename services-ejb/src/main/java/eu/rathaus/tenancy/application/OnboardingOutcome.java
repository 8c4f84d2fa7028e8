package eu.rathaus.tenancy.application;

import java.io.Serializable;
import java.util.List;

/** How an onboarding attempt ended. */
public record OnboardingOutcome(Result result, List<FieldProblem> problems, String detail)
    implements Serializable {

  /** The three ways an attempt ends. */
  public enum Result {
    /** Tenant row, organization, first admin and invitation all exist. */
    COMPLETED,
    /** The input is wrong; nothing was written. */
    INVALID,
    /** A step failed (identity provider or mail down); what is done stays done, run it again. */
    RETRY
  }

  public static OnboardingOutcome completed() {
    return new OnboardingOutcome(Result.COMPLETED, List.of(), null);
  }

  public static OnboardingOutcome invalid(List<FieldProblem> problems) {
    return new OnboardingOutcome(Result.INVALID, List.copyOf(problems), null);
  }

  public static OnboardingOutcome retry(String detail) {
    return new OnboardingOutcome(Result.RETRY, List.of(), detail);
  }
}
