package eu.rathaus.payments.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.payments.domain.BankEntry;
import eu.rathaus.payments.domain.BankStatement;
import eu.rathaus.payments.domain.Clarification;
import eu.rathaus.payments.domain.ImportedStatement;
import eu.rathaus.payments.domain.MatchOutcome;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.payments.domain.Reconciliation;
import eu.rathaus.payments.domain.StatementEntry;
import eu.rathaus.payments.domain.StatementRefused;
import eu.rathaus.payments.domain.StatementRefused.Reason;
import eu.rathaus.payments.domain.StatementRepository;
import eu.rathaus.payments.infrastructure.Camt053Reader;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import eu.rathaus.webhooks.application.WebhookEvents;
import eu.rathaus.webhooks.domain.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports a camt.053 bank statement of the municipality's payee account and reconciles it: exact
 * matches (Kassenzeichen and amount) mark payments paid through the state machine, everything
 * doubtful goes to the clarification list, money going out is ignored.
 *
 * <p>One file is one transaction: either every entry is booked and the statement recorded, or — for
 * any refusal or failure — nothing at all. A statement is imported once only (same identity or same
 * file: refused), and each bank transaction is booked to a payment once only (payment_event's
 * unique source + external id), so even an overlapping statement from another file cannot pay
 * twice.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class StatementImport {

  /** A day's statement of a municipal account is a few hundred kilobytes; this leaves room. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  static final String SOURCE = "CAMT053";

  private static final Logger LOG = Logger.getLogger(StatementImport.class.getName());

  @Inject CallerScope caller;
  @Inject WebhookEvents webhooks;
  @Inject PaymentRepository payments;
  @Inject StatementRepository statements;
  @Inject AuditLog audit;
  @Inject MunicipalityRepository municipalities;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** What an import did, for the page's summary. */
  public record Result(
      UUID statementId,
      String messageType,
      String statementIdentity,
      int entries,
      int matched,
      int clarifications,
      int ignoredDebits,
      int alreadyBooked)
      implements Serializable {

    public int getMatched() {
      return matched;
    }

    public int getClarifications() {
      return clarifications;
    }

    public int getIgnoredDebits() {
      return ignoredDebits;
    }

    public int getAlreadyBooked() {
      return alreadyBooked;
    }

    public int getEntries() {
      return entries;
    }

    public String getStatementIdentity() {
      return statementIdentity;
    }
  }

  /** An upload's outcome for the page: what the import did, or why the file was refused. */
  public record Outcome(Result result, Reason refusal) implements Serializable {

    public boolean isDone() {
      return refusal == null;
    }
  }

  /**
   * Imports one file and says what happened; a refusal is an outcome here, not an exception. Two
   * uploads of the same statement at the same moment pass the checks of {@link #importFile} side by
   * side; the unique constraints then decide, and the loser is told it was imported already. Its
   * transaction is marked for rollback by the failed write, so nothing of it is stored.
   */
  public Outcome upload(String fileName, byte[] content) {
    try {
      Result result = importFile(fileName, content);
      em.flush();
      return new Outcome(result, null);
    } catch (StatementRefused e) {
      return new Outcome(null, e.reason());
    } catch (PersistenceException e) {
      LOG.log(
          Level.INFO,
          "Statement import lost to a concurrent import of the same statement: {0}",
          e.getMessage());
      return new Outcome(null, Reason.ALREADY_IMPORTED);
    }
  }

  /**
   * Imports one file.
   *
   * @throws StatementRefused when the file is refused; nothing is stored then
   */
  public Result importFile(String fileName, byte[] content) {
    UUID m = TreasuryCaller.municipality(caller);
    String actor = TreasuryCaller.actor(caller);
    if (content == null || content.length == 0) {
      throw new StatementRefused(Reason.EMPTY_FILE, null);
    }
    if (content.length > MAX_BYTES) {
      throw new StatementRefused(Reason.TOO_LARGE, String.valueOf(content.length));
    }
    BankStatement statement = Camt053Reader.read(content);
    Municipality municipality = municipalities.findById(m).orElse(null);
    if (municipality == null || municipality.payeeIban() == null) {
      throw new StatementRefused(Reason.NO_PAYEE_ACCOUNT, null);
    }
    if (!municipality.payeeIban().replace(" ", "").equalsIgnoreCase(statement.accountIban())) {
      throw new StatementRefused(Reason.WRONG_ACCOUNT, statement.accountIban());
    }
    String sha256 = sha256(content);
    if (statements.existsFile(m, sha256)
        || statements.existsIdentity(m, statement.accountIban(), statement.statementId())) {
      throw new StatementRefused(Reason.ALREADY_IMPORTED, statement.statementId());
    }

    Instant now = clock.instant();
    UUID statementId = UUID.randomUUID();
    List<StatementEntry> rows = new ArrayList<>();
    List<Clarification> clarifications = new ArrayList<>();
    int matched = 0;
    int debits = 0;
    int alreadyBooked = 0;
    int line = 0;
    for (BankEntry entry : statement.entries()) {
      line++;
      Reconciliation.Decision decision =
          Reconciliation.decide(entry, reference -> candidate(m, reference, entry));
      UUID paymentId =
          decision.reference().flatMap(r -> payment(m, r)).map(PaymentRequest::id).orElse(null);
      if (decision.outcome() == MatchOutcome.MATCHED) {
        book(paymentId, entry, actor, now);
        matched++;
      } else if (decision.outcome() == MatchOutcome.DEBIT_IGNORED) {
        debits++;
      } else if (decision.outcome() == MatchOutcome.ALREADY_BOOKED) {
        alreadyBooked++;
      }
      StatementEntry row =
          new StatementEntry(
              UUID.randomUUID(),
              statementId,
              m,
              line,
              entry,
              decision.reference().map(PaymentReference::value).orElse(entry.creditorReference()),
              paymentId,
              decision.outcome());
      rows.add(row);
      if (decision.outcome().clarification() != null) {
        clarifications.add(
            new Clarification(UUID.randomUUID(), row, m, decision.outcome().clarification(), now));
      }
    }
    statements.add(
        new ImportedStatement(
            statementId,
            m,
            statement,
            fileName,
            sha256,
            matched,
            clarifications.size(),
            debits + alreadyBooked,
            actor,
            now));
    rows.forEach(statements::addEntry);
    clarifications.forEach(statements::addClarification);
    audit.record(
        new AuditEvent(
            actor,
            "treasury.statement.imported",
            "bank_statement",
            statementId.toString(),
            m,
            statement.messageType()
                + " "
                + statement.statementId()
                + ": entries="
                + rows.size()
                + ", matched="
                + matched
                + ", clarifications="
                + clarifications.size()
                + ", debits="
                + debits
                + ", alreadyBooked="
                + alreadyBooked));
    LOG.log(
        Level.INFO,
        "Statement {0} imported: {1} entries, {2} matched, {3} to clarify",
        new Object[] {statementId, rows.size(), matched, clarifications.size()});
    return new Result(
        statementId,
        statement.messageType(),
        statement.statementId(),
        rows.size(),
        matched,
        clarifications.size(),
        debits,
        alreadyBooked);
  }

  /**
   * OPEN/FAILED → PENDING (the transfer is the citizen's choice of method) → PAID, both events
   * stored.
   */
  private void book(UUID paymentId, BankEntry entry, String actor, Instant now) {
    PaymentRequest p = payments.lock(paymentId).orElseThrow();
    if (p.method() == null) {
      // Paid by transfer before choosing a method on the portal: the money says how it was paid
      // (and a refund then goes back by transfer). A method already chosen is left to its owner.
      p.choose(PaymentMethod.SEPA_TRANSFER, null, null, now);
    }
    if (p.state() != PaymentState.PENDING) {
      payments.addEvent(
          p.moveTo(
              PaymentState.PENDING,
              "BANK_TRANSFER_RECEIVED",
              entry.amountCents(),
              SOURCE,
              null,
              actor,
              "bank reference " + entry.bankReference(),
              now));
    }
    payments.addEvent(
        p.markPaid(
            entry.amountCents(),
            "BANK_STATEMENT_MATCHED",
            SOURCE,
            entry.bankReference(),
            actor,
            now));
    webhooks.raise(p.municipalityId(), WebhookEventType.PAYMENT_SETTLED, Settlement.settledData(p));
    audit.record(
        new AuditEvent(
            actor,
            "payment.paid",
            "payment",
            p.id().toString(),
            p.municipalityId(),
            "camt053 " + p.referenceValue() + " bank reference " + entry.bankReference()));
  }

  private Optional<PaymentRequest> payment(UUID m, PaymentReference reference) {
    return payments.byReference(reference).filter(p -> p.municipalityId().equals(m));
  }

  private Optional<Reconciliation.Candidate> candidate(
      UUID m, PaymentReference reference, BankEntry entry) {
    return payment(m, reference)
        .map(
            p ->
                new Reconciliation.Candidate(
                    p.amountCents(),
                    p.state(),
                    payments.hasEvent(p.id(), SOURCE, entry.bankReference())));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
