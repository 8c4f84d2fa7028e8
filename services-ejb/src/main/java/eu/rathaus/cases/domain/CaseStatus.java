package eu.rathaus.cases.domain;

/**
 * Where a case stands. One lifecycle for every service, so citizens and clerks learn it once:
 * {@code SUBMITTED → IN_REVIEW ⇄ WAITING_FOR_CITIZEN, IN_REVIEW → APPROVED | REJECTED → CLOSED},
 * and {@code WITHDRAWN} by the citizen before a decision.
 */
public enum CaseStatus {
  SUBMITTED,
  IN_REVIEW,
  WAITING_FOR_CITIZEN,
  APPROVED,
  REJECTED,
  CLOSED,
  WITHDRAWN;

  /** True once a decision has been made or the case ended otherwise. */
  public boolean isDecidedOrEnded() {
    return this == APPROVED || this == REJECTED || this == CLOSED || this == WITHDRAWN;
  }

  /** True while the processing clock runs (it stops while waiting for the citizen). */
  public boolean clockRuns() {
    return this == SUBMITTED || this == IN_REVIEW;
  }

  /** Message key of the German/English status name ("Eingereicht", …). */
  public String messageKey() {
    return "case.status." + name();
  }
}
