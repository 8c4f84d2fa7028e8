package eu.rathaus.payments.domain;

import java.util.Optional;

/**
 * The matching rule for bank entries, free of storage so it can be tested on its own. An incoming
 * amount is booked automatically only when everything fits exactly — the Kassenzeichen names a
 * payment that still takes money and the amount is the amount owed; every doubt goes to a person,
 * because booking a wrong payment as paid would let an application be decided unpaid.
 */
public final class Reconciliation {

  private Reconciliation() {}

  /** What storage knows about the payment a Kassenzeichen names. */
  public record Candidate(long amountCents, PaymentState state, boolean entryAlreadyBooked) {}

  /** The decision for one entry; {@code reference} is what was found in it, if anything. */
  public record Decision(MatchOutcome outcome, Optional<PaymentReference> reference) {}

  /** Finds the entry's Kassenzeichen (structured first, then free text). */
  public static Optional<PaymentReference> referenceOf(BankEntry entry) {
    return CreditorReferences.find(entry.creditorReference(), entry.remittanceText());
  }

  /**
   * Decides one entry.
   *
   * @param lookup finds the candidate payment of a reference within the caller's municipality
   */
  public static Decision decide(
      BankEntry entry, java.util.function.Function<PaymentReference, Optional<Candidate>> lookup) {
    if (!entry.credit()) {
      return new Decision(MatchOutcome.DEBIT_IGNORED, Optional.empty());
    }
    Optional<PaymentReference> reference = referenceOf(entry);
    if (!"EUR".equals(entry.currency())) {
      return new Decision(MatchOutcome.OTHER_CURRENCY, reference);
    }
    Optional<Candidate> candidate = reference.flatMap(lookup);
    if (candidate.isEmpty()) {
      return new Decision(MatchOutcome.UNKNOWN_REFERENCE, reference);
    }
    Candidate c = candidate.get();
    if (c.entryAlreadyBooked()) {
      return new Decision(MatchOutcome.ALREADY_BOOKED, reference);
    }
    if (!c.state().isPayable()) {
      return new Decision(MatchOutcome.NOT_PAYABLE, reference);
    }
    if (entry.amountCents() < c.amountCents()) {
      return new Decision(MatchOutcome.UNDERPAID, reference);
    }
    if (entry.amountCents() > c.amountCents()) {
      return new Decision(MatchOutcome.OVERPAID, reference);
    }
    return new Decision(MatchOutcome.MATCHED, reference);
  }
}
