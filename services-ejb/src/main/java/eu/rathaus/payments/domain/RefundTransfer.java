package eu.rathaus.payments.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A refund by SEPA credit transfer, from the municipality's payee account back to the account the
 * fee came from: the content of the pain.001 file the treasury hands to its bank.
 *
 * @param messageId unique per file (the refund's id fits: one transfer per refund)
 * @param endToEndId travels to the citizen's statement; the Kassenzeichen, so they recognise it
 * @param remittance the text on the citizen's statement (max. 140 characters)
 */
public record RefundTransfer(
    String messageId,
    Instant createdAt,
    LocalDate executionDate,
    String debtorName,
    String debtorIban,
    String debtorBic,
    String creditorName,
    String creditorIban,
    long amountCents,
    String endToEndId,
    String remittance) {}
