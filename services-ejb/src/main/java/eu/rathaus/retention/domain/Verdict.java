package eu.rathaus.retention.domain;

import java.time.LocalDate;

/**
 * What the rules say about a draft or case: erase now, or keep, with the reason and (where there is
 * one) the day it becomes due.
 */
public record Verdict(boolean erase, Reason reason, LocalDate dueOn) {

  /** Why. Each has a message key {@code retention.reason.<NAME>} (de, en). */
  public enum Reason {
    /** A draft untouched for longer than the service's draft period. */
    DRAFT_ABANDONED,
    /** A draft still within its period. */
    DRAFT_RUNNING,
    /** An ended case whose retention period is over. */
    CASE_PERIOD_OVER,
    /** An ended case still within its retention period. */
    CASE_PERIOD_RUNNING,
    /** A case still in processing: nothing is erased while the authority works on it. */
    CASE_OPEN,
    /** A clerk set a legal hold. */
    LEGAL_HOLD,
    /** A booked payment of the case is kept under budget law. */
    BOOKED_PAYMENT,
    /** Erasure requested (Art. 17) and nothing requires keeping. */
    REQUESTED,
    /** Erasure requested, but a decided case must be kept until its period ends. */
    DECISION_MUST_BE_KEPT;

    public String messageKey() {
      return "retention.reason." + name();
    }
  }

  public static Verdict erase(Reason reason, LocalDate dueOn) {
    return new Verdict(true, reason, dueOn);
  }

  public static Verdict keep(Reason reason, LocalDate dueOn) {
    return new Verdict(false, reason, dueOn);
  }
}
