package eu.rathaus.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One transaction of an imported statement with the outcome of matching; never changed afterwards.
 */
@Entity
@Immutable
@Table(name = "bank_statement_entry")
public class StatementEntry {

  @Id private UUID id;

  @Column(name = "statement_id", nullable = false)
  private UUID statementId;

  @Column(name = "municipality_id", nullable = false)
  private UUID municipalityId;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column(name = "bank_reference", nullable = false, length = 200)
  private String bankReference;

  @Column(name = "amount_cents", nullable = false)
  private long amountCents;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "credit_debit", nullable = false, length = 4)
  private String creditDebit;

  @Column(name = "booking_date")
  private LocalDate bookingDate;

  @Column(name = "creditor_reference", length = 35)
  private String creditorReference;

  @Column(name = "remittance_info", length = 500)
  private String remittanceInfo;

  @Column(name = "debtor_name", length = 140)
  private String debtorName;

  @Column(name = "debtor_iban", length = 34)
  private String debtorIban;

  @Column(name = "payment_id")
  private UUID paymentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private MatchOutcome outcome;

  protected StatementEntry() {}

  public StatementEntry(
      UUID id,
      UUID statementId,
      UUID municipalityId,
      int lineNo,
      BankEntry entry,
      String creditorReference,
      UUID paymentId,
      MatchOutcome outcome) {
    this.id = id;
    this.statementId = statementId;
    this.municipalityId = municipalityId;
    this.lineNo = lineNo;
    this.bankReference = ImportedStatement.cut(entry.bankReference(), 200);
    this.amountCents = entry.amountCents();
    this.currency = entry.currency() == null ? "EUR" : ImportedStatement.cut(entry.currency(), 3);
    this.creditDebit = entry.credit() ? "CRDT" : "DBIT";
    this.bookingDate = entry.bookingDate();
    this.creditorReference = ImportedStatement.cut(creditorReference, 35);
    this.remittanceInfo = ImportedStatement.cut(entry.remittanceText(), 500);
    this.debtorName = ImportedStatement.cut(entry.debtorName(), 140);
    this.debtorIban = ImportedStatement.cut(entry.debtorIban(), 34);
    this.paymentId = paymentId;
    this.outcome = outcome;
  }

  public UUID id() {
    return id;
  }

  public UUID statementId() {
    return statementId;
  }

  public int lineNo() {
    return lineNo;
  }

  public String bankReference() {
    return bankReference;
  }

  public long amountCents() {
    return amountCents;
  }

  public String currency() {
    return currency;
  }

  public boolean credit() {
    return "CRDT".equals(creditDebit);
  }

  public LocalDate bookingDate() {
    return bookingDate;
  }

  public String creditorReference() {
    return creditorReference;
  }

  public String remittanceInfo() {
    return remittanceInfo;
  }

  public String debtorName() {
    return debtorName;
  }

  public String debtorIban() {
    return debtorIban;
  }

  public UUID paymentId() {
    return paymentId;
  }

  public MatchOutcome outcome() {
    return outcome;
  }
}
