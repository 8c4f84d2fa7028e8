package eu.rathaus.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A camt.053 file the treasury imported, kept as the record of what was booked from where. Unique
 * per municipality by statement identity and by file hash (V13), so the same money is never booked
 * twice from a statement imported again.
 */
@Entity
@Immutable
@Table(name = "bank_statement")
public class ImportedStatement {

  @Id private UUID id;

  @Column(name = "municipality_id", nullable = false)
  private UUID municipalityId;

  @Column(name = "message_type", nullable = false, length = 20)
  private String messageType;

  @Column(name = "message_id", nullable = false, length = 35)
  private String messageId;

  @Column(name = "statement_id", nullable = false, length = 200)
  private String statementId;

  @Column(name = "account_iban", nullable = false, length = 34)
  private String accountIban;

  @Column(name = "period_from")
  private LocalDate periodFrom;

  @Column(name = "period_to")
  private LocalDate periodTo;

  @Column(name = "file_name", length = 255)
  private String fileName;

  @Column(name = "file_sha256", nullable = false, length = 64)
  private String fileSha256;

  @Column(name = "entry_count", nullable = false)
  private int entryCount;

  @Column(name = "matched_count", nullable = false)
  private int matchedCount;

  @Column(name = "clarification_count", nullable = false)
  private int clarificationCount;

  @Column(name = "ignored_count", nullable = false)
  private int ignoredCount;

  @Column(name = "imported_by", nullable = false, length = 200)
  private String importedBy;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  protected ImportedStatement() {}

  public ImportedStatement(
      UUID id,
      UUID municipalityId,
      BankStatement statement,
      String fileName,
      String fileSha256,
      int matched,
      int clarifications,
      int ignored,
      String importedBy,
      Instant importedAt) {
    this.id = id;
    this.municipalityId = municipalityId;
    this.messageType = statement.messageType();
    this.messageId = cut(statement.messageId(), 35);
    this.statementId = cut(statement.statementId(), 200);
    this.accountIban = statement.accountIban();
    this.periodFrom = statement.periodFrom();
    this.periodTo = statement.periodTo();
    this.fileName = fileName == null ? null : cut(fileName, 255);
    this.fileSha256 = fileSha256;
    this.entryCount = statement.entries().size();
    this.matchedCount = matched;
    this.clarificationCount = clarifications;
    this.ignoredCount = ignored;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
  }

  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public UUID id() {
    return id;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public String messageType() {
    return messageType;
  }

  public String messageId() {
    return messageId;
  }

  public String statementId() {
    return statementId;
  }

  public String accountIban() {
    return accountIban;
  }

  public LocalDate periodFrom() {
    return periodFrom;
  }

  public LocalDate periodTo() {
    return periodTo;
  }

  public String fileName() {
    return fileName;
  }

  public String fileSha256() {
    return fileSha256;
  }

  public int entryCount() {
    return entryCount;
  }

  public int matchedCount() {
    return matchedCount;
  }

  public int clarificationCount() {
    return clarificationCount;
  }

  public int ignoredCount() {
    return ignoredCount;
  }

  public String importedBy() {
    return importedBy;
  }

  public Instant importedAt() {
    return importedAt;
  }
}
