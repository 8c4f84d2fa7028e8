package eu.rathaus.operations.domain;

import java.util.Map;

/**
 * The business figures of the whole installation at one moment, counted in the database so that
 * every portal node reports the same numbers and a node's restart resets nothing.
 *
 * @param submittedApplications applications ever submitted
 * @param decisions decisions ever taken, by outcome ({@code approved}, {@code rejected})
 * @param paymentsByState payment requests by their current state (lower case, e.g. {@code paid})
 * @param outboxBacklog mails waiting to be sent (due now or later, not given up)
 * @param outboxRetrying of those, the ones whose earlier attempts failed
 * @param outboxGivenUp mails given up after the last attempt (an operator must look at them)
 */
public record OperatorFigures(
    long submittedApplications,
    Map<String, Long> decisions,
    Map<String, Long> paymentsByState,
    long outboxBacklog,
    long outboxRetrying,
    long outboxGivenUp) {

  public OperatorFigures {
    decisions = Map.copyOf(decisions);
    paymentsByState = Map.copyOf(paymentsByState);
  }
}
