package eu.rathaus.payments.domain;

/** Why an incoming amount waits for a person on the clarification list. */
public enum ClarificationReason {
  UNKNOWN_REFERENCE,
  UNDERPAID,
  OVERPAID,
  NOT_PAYABLE,
  OTHER_CURRENCY
}
