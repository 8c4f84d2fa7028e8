package eu.rathaus.payments.domain;

import java.time.LocalDate;

/**
 * One booked transaction on a statement. A batch entry (one booking for several transfers) arrives
 * here as one {@code BankEntry} per transaction, each with its own amount and remittance, because
 * each may pay a different fee.
 *
 * @param bankReference the bank's reference of the transaction (servicer reference, else entry
 *     reference, else a position in the statement); what a second import of the same money finds
 * @param amountCents always positive; {@link #credit} says the direction
 * @param creditorReference the structured creditor reference ({@code CdtrRefInf/Ref}) as sent, or
 *     null
 * @param remittanceText the unstructured remittance lines joined, or null
 */
public record BankEntry(
    String bankReference,
    long amountCents,
    String currency,
    boolean credit,
    LocalDate bookingDate,
    String creditorReference,
    String remittanceText,
    String debtorName,
    String debtorIban) {

  public BankEntry {
    if (amountCents < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
  }
}
