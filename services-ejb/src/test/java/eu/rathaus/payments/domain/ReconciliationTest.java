package eu.rathaus.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The matching rule: exact matches only, everything doubtful to a person. */
class ReconciliationTest {

  private static final PaymentReference OPEN = PaymentReference.withBody("MUS2026000101");
  private static final PaymentReference PAID = PaymentReference.withBody("MUS2026000102");
  private static final PaymentReference BOOKED = PaymentReference.withBody("MUS2026000103");

  private static final Map<PaymentReference, Reconciliation.Candidate> KNOWN =
      Map.of(
          OPEN, new Reconciliation.Candidate(3000, PaymentState.PENDING, false),
          PAID, new Reconciliation.Candidate(3000, PaymentState.PAID, false),
          BOOKED, new Reconciliation.Candidate(3000, PaymentState.PAID, true));

  private static MatchOutcome decide(
      long cents, boolean credit, String currency, String structured, String text) {
    BankEntry entry =
        new BankEntry(
            "B1", cents, currency, credit, LocalDate.of(2026, 11, 26), structured, text, "X", null);
    return Reconciliation.decide(entry, r -> Optional.ofNullable(KNOWN.get(r))).outcome();
  }

  @Test
  void exactReferenceAndAmountMatch() {
    assertThat(decide(3000, true, "EUR", OPEN.value(), null)).isEqualTo(MatchOutcome.MATCHED);
    assertThat(decide(3000, true, "EUR", null, "Gebühr " + OPEN.printed()))
        .isEqualTo(MatchOutcome.MATCHED);
  }

  @Test
  void tooLittleOrTooMuchGoesToClarification() {
    assertThat(decide(2999, true, "EUR", OPEN.value(), null)).isEqualTo(MatchOutcome.UNDERPAID);
    assertThat(decide(3001, true, "EUR", OPEN.value(), null)).isEqualTo(MatchOutcome.OVERPAID);
    assertThat(MatchOutcome.UNDERPAID.clarification()).isEqualTo(ClarificationReason.UNDERPAID);
    assertThat(MatchOutcome.OVERPAID.clarification()).isEqualTo(ClarificationReason.OVERPAID);
  }

  @Test
  void unknownOrMissingReferencesGoToClarification() {
    assertThat(decide(3000, true, "EUR", PaymentReference.withBody("XYZ999").value(), null))
        .isEqualTo(MatchOutcome.UNKNOWN_REFERENCE);
    assertThat(decide(3000, true, "EUR", null, "Rechnung 4711"))
        .isEqualTo(MatchOutcome.UNKNOWN_REFERENCE);
  }

  @Test
  void aPaymentThatTakesNoMoreMoneyIsNotPaidTwice() {
    assertThat(decide(3000, true, "EUR", PAID.value(), null)).isEqualTo(MatchOutcome.NOT_PAYABLE);
    assertThat(decide(3000, true, "EUR", BOOKED.value(), null))
        .isEqualTo(MatchOutcome.ALREADY_BOOKED);
    assertThat(MatchOutcome.ALREADY_BOOKED.clarification()).isNull();
  }

  @Test
  void debitsAreIgnoredAndForeignCurrenciesClarified() {
    assertThat(decide(3000, false, "EUR", OPEN.value(), null))
        .isEqualTo(MatchOutcome.DEBIT_IGNORED);
    assertThat(decide(3000, true, "CHF", OPEN.value(), null))
        .isEqualTo(MatchOutcome.OTHER_CURRENCY);
  }
}
