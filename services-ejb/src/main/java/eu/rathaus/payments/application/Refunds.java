package eu.rathaus.payments.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentRefund;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.RefundTransfer;
import eu.rathaus.payments.domain.StatementEntry;
import eu.rathaus.payments.domain.StatementRepository;
import eu.rathaus.payments.infrastructure.Pain001Writer;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refunds from the treasury: all or part of a paid fee, always with a reason. Money that came by
 * bank transfer goes back as a SEPA credit transfer the treasury instructs its bank with (a {@link
 * PaymentRefund} with channel {@code SEPA_INSTRUCTION}, offered as a pain.001 file); money paid on
 * a provider's page goes back through that provider. The payment's refunded amount and the REFUNDED
 * event are booked when the refund is instructed — several partial refunds add up, never beyond
 * what was paid ({@link PaymentRequest#refund}).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class Refunds {

  static final String SOURCE = "TREASURY";

  @Inject CallerScope caller;
  @Inject PaymentRepository payments;
  @Inject StatementRepository statements;
  @Inject AuditLog audit;
  @Inject MunicipalityRepository municipalities;
  @Inject ProviderRefunds providerRefunds;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** Why a refund was not made; each has a message {@code treasury.refund.refused.<name>}. */
  public enum Refusal {
    REASON_MISSING,
    AMOUNT_INVALID,
    NOT_PAID,
    TOO_MUCH,
    PROVIDER_UNAVAILABLE
  }

  /** The refund made, or why not. */
  public record Outcome(UUID refundId, Refusal refusal) implements Serializable {

    public boolean isDone() {
      return refusal == null;
    }

    static Outcome refused(Refusal refusal) {
      return new Outcome(null, refusal);
    }
  }

  /** A refund as the page lists it. */
  public record RefundRow(
      UUID id,
      long amountCents,
      String reason,
      PaymentRefund.Channel channel,
      PaymentRefund.State state,
      Instant requestedAt,
      boolean transferFile)
      implements Serializable {}

  /** The pain.001 file of a SEPA refund. */
  public record TransferFile(String fileName, byte[] content) {}

  /**
   * Refunds {@code cents} of a paid payment of the caller's municipality.
   *
   * @throws java.util.NoSuchElementException when there is no such payment in the municipality
   */
  public Outcome refund(UUID paymentId, long cents, String reason) {
    UUID m = TreasuryCaller.municipality(caller);
    String actor = TreasuryCaller.actor(caller);
    if (reason == null || reason.isBlank()) {
      return Outcome.refused(Refusal.REASON_MISSING);
    }
    if (cents <= 0) {
      return Outcome.refused(Refusal.AMOUNT_INVALID);
    }
    PaymentRequest payment =
        payments
            .lock(paymentId)
            .filter(p -> p.municipalityId().equals(m))
            .orElseThrow(() -> new java.util.NoSuchElementException("No payment " + paymentId));
    if (!payment.state().isSettled()) {
      return Outcome.refused(Refusal.NOT_PAID);
    }
    if (cents > payment.refundableCents()) {
      return Outcome.refused(Refusal.TOO_MUCH);
    }
    String why = reason.strip().length() <= 500 ? reason.strip() : reason.strip().substring(0, 500);
    if (payment.method() == PaymentMethod.HOSTED_PAGE) {
      // Money paid on the provider's page goes back through the provider, which books the refund,
      // the event and the audit entry itself (and records a failed attempt when it is down).
      RefundOutcome answer = providerRefunds.refund(payment.id(), cents, why);
      return answer.done()
          ? new Outcome(answer.refundId(), null)
          : Outcome.refused(Refusal.PROVIDER_UNAVAILABLE);
    }
    Instant now = clock.instant();
    PaymentRefund refund =
        new PaymentRefund(
            UUID.randomUUID(),
            payment,
            cents,
            why,
            PaymentRefund.Channel.SEPA_INSTRUCTION,
            actor,
            now);
    payments.addRefund(refund);
    payments.addEvent(payment.refund(cents, SOURCE, refund.id().toString(), actor, why, now));
    audit.record(
        new AuditEvent(
            actor,
            "payment.refunded",
            "payment",
            payment.id().toString(),
            m,
            "SEPA instruction "
                + refund.id()
                + ", "
                + cents
                + " cents of "
                + payment.referenceValue()));
    return new Outcome(refund.id(), null);
  }

  /** The refunds of a payment, oldest first. */
  public List<RefundRow> refunds(UUID paymentId) {
    UUID m = TreasuryCaller.municipality(caller);
    boolean ibanKnown =
        statements.payingEntry(m, paymentId).map(StatementEntry::debtorIban).isPresent();
    return payments.refunds(paymentId).stream()
        .filter(r -> r.municipalityId().equals(m))
        .map(
            r ->
                new RefundRow(
                    r.id(),
                    r.amountCents(),
                    r.reason(),
                    r.channel(),
                    r.state(),
                    r.requestedAt(),
                    ibanKnown && r.channel() == PaymentRefund.Channel.SEPA_INSTRUCTION))
        .toList();
  }

  /**
   * The pain.001 credit transfer for a SEPA refund: from the payee account back to the account the
   * fee came from. Empty when the refund is not a SEPA instruction of this municipality or the
   * paying account is unknown (then the page shows the instruction to print instead).
   */
  public Optional<TransferFile> transferFile(UUID refundId) {
    UUID m = TreasuryCaller.municipality(caller);
    PaymentRefund refund = em.find(PaymentRefund.class, refundId);
    if (refund == null
        || !refund.municipalityId().equals(m)
        || refund.channel() != PaymentRefund.Channel.SEPA_INSTRUCTION) {
      return Optional.empty();
    }
    PaymentRequest payment = payments.find(refund.paymentId()).orElseThrow();
    Optional<StatementEntry> paying =
        statements.payingEntry(m, payment.id()).filter(e -> e.debtorIban() != null);
    if (paying.isEmpty()) {
      return Optional.empty();
    }
    Municipality municipality = municipalities.findById(m).orElseThrow();
    String compactId = refund.id().toString().replace("-", "");
    RefundTransfer transfer =
        new RefundTransfer(
            "RH" + compactId.substring(0, 30),
            clock.instant(),
            LocalDate.now(clock.withZone(Treasury.BERLIN)),
            municipality.payeeName(),
            municipality.payeeIban(),
            municipality.payeeBic(),
            paying.get().debtorName() == null
                ? "Zahlungspflichtige Person"
                : paying.get().debtorName(),
            paying.get().debtorIban(),
            refund.amountCents(),
            payment.referenceValue(),
            "Erstattung " + payment.referenceValue() + " " + refund.reason());
    audit.record(
        new AuditEvent(
            TreasuryCaller.actor(caller),
            "payment.refund.instruction.downloaded",
            "payment_refund",
            refund.id().toString(),
            m,
            payment.referenceValue()));
    return Optional.of(
        new TransferFile(
            "erstattung-" + payment.referenceValue() + ".xml",
            Pain001Writer.write(transfer).getBytes(StandardCharsets.UTF_8)));
  }
}
