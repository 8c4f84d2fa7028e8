package eu.rathaus.payments.domain;

/** What reconciliation made of one statement entry. */
public enum MatchOutcome {
  /** Kassenzeichen and amount fit an open payment: it is now paid. */
  MATCHED(null),
  /** Less arrived than is owed. */
  UNDERPAID(ClarificationReason.UNDERPAID),
  /** More arrived than is owed. */
  OVERPAID(ClarificationReason.OVERPAID),
  /** No Kassenzeichen, or one of no payment of this municipality. */
  UNKNOWN_REFERENCE(ClarificationReason.UNKNOWN_REFERENCE),
  /**
   * The payment cannot take money any more: already paid (by other means), expired or cancelled.
   */
  NOT_PAYABLE(ClarificationReason.NOT_PAYABLE),
  /** Not in euros; fees are. */
  OTHER_CURRENCY(ClarificationReason.OTHER_CURRENCY),
  /** This bank transaction was booked to the payment before (e.g. an overlapping statement). */
  ALREADY_BOOKED(null),
  /** Money going out (the treasury's own transfers, refunds, charges): not ours to match. */
  DEBIT_IGNORED(null);

  private final ClarificationReason clarification;

  MatchOutcome(ClarificationReason clarification) {
    this.clarification = clarification;
  }

  /** The reason a person must look at the entry, or null if none is needed. */
  public ClarificationReason clarification() {
    return clarification;
  }
}
