package eu.rathaus.payments.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.payments.domain.Clarification;
import eu.rathaus.payments.domain.ClarificationReason;
import eu.rathaus.payments.domain.ImportedStatement;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.payments.domain.StatementEntry;
import eu.rathaus.payments.domain.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The treasury's view of the municipality's payments: by period and state with totals, the
 * clarification list with "resolve", the latest statement imports and the CSV export.
 *
 * <p>A payment belongs to the period of the day it was paid, or — not paid yet — of the day it was
 * requested (Europe/Berlin), because that is how a treasury closes a day: money in by booking date,
 * claims by the day they arose.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class Treasury {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final int MAX_ROWS = 5000;

  @Inject CallerScope caller;
  @Inject StatementRepository statements;
  @Inject AuditLog audit;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** One payment as the treasury lists it. */
  public record PaymentRow(
      UUID id,
      String reference,
      String referenceNumber,
      String serviceTitle,
      long amountCents,
      long paidCents,
      long refundedCents,
      PaymentState state,
      PaymentMethod method,
      Instant createdAt,
      Instant paidAt)
      implements Serializable {

    public long refundableCents() {
      return paidCents - refundedCents;
    }
  }

  /** Count and sum (of the amounts owed) of one state. */
  public record StateTotal(PaymentState state, long count, long sumCents) implements Serializable {}

  /** The payments of a period and their totals; {@code rows} is capped, the totals are not. */
  public record Overview(
      List<PaymentRow> rows,
      List<StateTotal> totals,
      long count,
      long sumCents,
      long paidCents,
      long refundedCents)
      implements Serializable {}

  /** A clarification with the bank entry it is about. */
  /**
   * One statement import as the treasury page lists it; {@code id} is the stored statement's id.
   */
  public record ImportRow(
      UUID id,
      String statementId,
      Instant importedAt,
      int entries,
      int matched,
      int clarifications,
      String fileName)
      implements Serializable {

    static ImportRow of(ImportedStatement s) {
      return new ImportRow(
          s.id(),
          s.statementId(),
          s.importedAt(),
          s.entryCount(),
          s.matchedCount(),
          s.clarificationCount(),
          s.fileName());
    }
  }

  public record ClarificationRow(
      UUID id,
      ClarificationReason reason,
      Clarification.Status status,
      long amountCents,
      LocalDate bookingDate,
      String bankReference,
      String creditorReference,
      String remittance,
      String debtorName,
      String note,
      String resolvedBy,
      Instant resolvedAt,
      Instant createdAt)
      implements Serializable {}

  /**
   * @param from first day (inclusive), null for no lower bound
   * @param to last day (inclusive), null for no upper bound
   * @param state only this state, null for all
   */
  public Overview payments(LocalDate from, LocalDate to, PaymentState state) {
    UUID m = TreasuryCaller.municipality(caller);
    String where =
        " from PaymentRequest p, CaseApplication a, ServiceDefinition d"
            + " where a.id = p.applicationId and d.id = a.definitionId and p.municipalityId = :m"
            + (from == null ? "" : " and coalesce(p.paidAt, p.createdAt) >= :start")
            + (to == null ? "" : " and coalesce(p.paidAt, p.createdAt) < :end")
            + (state == null ? "" : " and p.state = :state");
    var rowsQuery =
        em.createQuery(
            "select p, a.referenceNumber, d.titleDe"
                + where
                + " order by coalesce(p.paidAt, p.createdAt) desc, p.id",
            Object[].class);
    var totalsQuery =
        em.createQuery(
            "select p.state, count(p), sum(p.amountCents), sum(p.paidCents), sum(p.refundedCents)"
                + where
                + " group by p.state",
            Object[].class);
    for (var q : List.of(rowsQuery, totalsQuery)) {
      q.setParameter("m", m);
      if (from != null) {
        q.setParameter("start", from.atStartOfDay(BERLIN).toInstant());
      }
      if (to != null) {
        q.setParameter("end", to.plusDays(1).atStartOfDay(BERLIN).toInstant());
      }
      if (state != null) {
        q.setParameter("state", state);
      }
    }
    List<PaymentRow> rows = new ArrayList<>();
    for (Object[] r : rowsQuery.setMaxResults(MAX_ROWS).getResultList()) {
      PaymentRequest p = (PaymentRequest) r[0];
      rows.add(
          new PaymentRow(
              p.id(),
              p.referenceValue(),
              (String) r[1],
              (String) r[2],
              p.amountCents(),
              p.paidCents(),
              p.refundedCents(),
              p.state(),
              p.method(),
              p.createdAt(),
              p.paidAt()));
    }
    Map<PaymentState, StateTotal> byState = new EnumMap<>(PaymentState.class);
    long count = 0;
    long sum = 0;
    long paid = 0;
    long refunded = 0;
    for (Object[] t : totalsQuery.getResultList()) {
      StateTotal total = new StateTotal((PaymentState) t[0], (Long) t[1], (Long) t[2]);
      byState.put(total.state(), total);
      count += total.count();
      sum += total.sumCents();
      paid += (Long) t[3];
      refunded += (Long) t[4];
    }
    List<StateTotal> totals = new ArrayList<>();
    for (PaymentState s : PaymentState.values()) {
      totals.add(byState.getOrDefault(s, new StateTotal(s, 0, 0)));
    }
    return new Overview(rows, totals, count, sum, paid, refunded);
  }

  /**
   * The CSV file (see {@link TreasuryCsv}) of the same selection as {@link #payments}, with states
   * and methods in the words of {@code labels}.
   */
  public byte[] csv(LocalDate from, LocalDate to, PaymentState state, TreasuryCsv.Labels labels) {
    Overview overview = payments(from, to, state);
    audit.record(
        new AuditEvent(
            TreasuryCaller.actor(caller),
            "treasury.csv.exported",
            "payment",
            null,
            TreasuryCaller.municipality(caller),
            "from="
                + from
                + ", to="
                + to
                + ", state="
                + state
                + ", rows="
                + overview.rows().size()));
    return TreasuryCsv.file(overview.rows(), labels);
  }

  /** Open clarifications first, then the resolved ones, each newest first. */
  public List<ClarificationRow> clarifications() {
    UUID m = TreasuryCaller.municipality(caller);
    List<ClarificationRow> open = new ArrayList<>();
    List<ClarificationRow> resolved = new ArrayList<>();
    for (Clarification c : statements.clarifications(m, false)) {
      StatementEntry e = statements.entry(m, c.entryId()).orElseThrow();
      ClarificationRow row =
          new ClarificationRow(
              c.id(),
              c.reason(),
              c.status(),
              e.amountCents(),
              e.bookingDate(),
              e.bankReference(),
              e.creditorReference(),
              e.remittanceInfo(),
              e.debtorName(),
              c.resolutionNote(),
              c.resolvedBy(),
              c.resolvedAt(),
              c.createdAt());
      (c.status() == Clarification.Status.OPEN ? open : resolved).add(row);
    }
    open.addAll(resolved);
    return open;
  }

  /**
   * Closes a clarification with what was done.
   *
   * @throws IllegalArgumentException without a note
   * @throws IllegalStateException when it is resolved already
   * @throws NoSuchElementException when there is no such clarification in the caller's municipality
   */
  public void resolve(UUID clarificationId, String note) {
    UUID m = TreasuryCaller.municipality(caller);
    String actor = TreasuryCaller.actor(caller);
    Clarification c =
        statements
            .clarification(m, clarificationId)
            .orElseThrow(() -> new NoSuchElementException("No clarification " + clarificationId));
    c.resolve(note, actor, clock.instant());
    audit.record(
        new AuditEvent(
            actor,
            "treasury.clarification.resolved",
            "payment_clarification",
            c.id().toString(),
            m,
            c.reason().name()));
  }

  /** The latest statement imports. */
  public List<ImportRow> recentImports() {
    return statements.recent(TreasuryCaller.municipality(caller), 20).stream()
        .map(ImportRow::of)
        .toList();
  }
}
