package eu.rathaus.payments.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a bank statement file says, independent of the ISO 20022 version it came in: the account,
 * the period and the booked transactions. The import decides on this, so matching never depends on
 * a library's generated classes.
 *
 * @param messageType e.g. {@code camt.053.001.02}
 * @param messageId the group header's message id
 * @param statementId the statement's id (several joined by {@code +} if a file carries several)
 * @param accountIban the statement's account, electronic form
 */
public record BankStatement(
    String messageType,
    String messageId,
    String statementId,
    String accountIban,
    LocalDate periodFrom,
    LocalDate periodTo,
    List<BankEntry> entries) {

  public BankStatement {
    Objects.requireNonNull(messageType);
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(statementId);
    Objects.requireNonNull(accountIban);
    entries = List.copyOf(entries);
  }
}
