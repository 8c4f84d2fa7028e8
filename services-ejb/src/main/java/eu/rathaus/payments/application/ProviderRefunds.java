package eu.rathaus.payments.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentRefund;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refunds a hosted-page payment through its provider (the treasury's refund UI calls this for card
 * payments; SEPA transfers are refunded by instruction instead). The refund row is written before
 * the provider is asked and kept as FAILED when the provider refuses, so every attempt stays
 * visible; only a refund the provider confirmed changes the payment (PAID/REFUNDED → REFUNDED).
 *
 * <p>For staff of the payment's municipality (and the platform): row-level security and the scope
 * check below both keep another municipality's payments out of reach.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ProviderRefunds {

  private static final Logger LOG = Logger.getLogger(ProviderRefunds.class.getName());

  @Inject PaymentRepository payments;
  @Inject PaymentProviders providers;
  @Inject Settlement settlement;
  @Inject AuditLog audit;
  @Inject CallerScope caller;

  Clock clock = Clock.systemUTC();

  public RefundOutcome refund(UUID paymentId, long cents, String reason) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF && scope.kind() != TenantScope.Kind.PLATFORM) {
      throw new SecurityException("Refunds are made by the treasury");
    }
    Optional<PaymentRequest> found =
        payments
            .lock(paymentId)
            .filter(
                p ->
                    scope.kind() == TenantScope.Kind.PLATFORM
                        || p.municipalityId().equals(scope.municipalityId()));
    if (found.isEmpty()) {
      return RefundOutcome.refused(null, "payment.problem.notFound");
    }
    PaymentRequest payment = found.get();
    if (payment.method() != PaymentMethod.HOSTED_PAGE || !payment.state().isSettled()) {
      return RefundOutcome.refused(null, "payment.problem.notRefundable");
    }
    if (cents <= 0 || cents > payment.refundableCents()) {
      return RefundOutcome.refused(null, "payment.problem.refundAmount");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      return RefundOutcome.refused(null, "payment.problem.refundReason");
    }
    String actor = scope.subject() == null ? "platform" : scope.subject();
    Instant now = clock.instant();
    PaymentRefund refund =
        new PaymentRefund(
            UUID.randomUUID(),
            payment,
            cents,
            reason.strip(),
            PaymentRefund.Channel.PROVIDER,
            actor,
            now);
    payments.addRefund(refund);
    Optional<PaymentProvider> provider = providers.byName(payment.provider());
    try {
      PaymentProvider.ProviderRefund answer =
          provider
              .orElseThrow(
                  () ->
                      new PaymentProviderException(
                          "provider " + payment.provider() + " not configured"))
              .refund(payment.providerPaymentId(), cents, reason.strip());
      if (!answer.done()) {
        throw new PaymentProviderException("provider did not confirm the refund");
      }
      refund.completed(answer.providerRefundId(), clock.instant());
      settlement.book(
          payment,
          payment.refund(
              cents,
              "PROVIDER:" + payment.provider(),
              "refund:" + answer.providerRefundId(),
              actor,
              reason.strip(),
              now));
      return RefundOutcome.done(refund.id());
    } catch (PaymentProviderException e) {
      LOG.log(
          Level.WARNING,
          "Refund of payment {0} failed: {1}",
          new Object[] {payment.id(), e.getMessage()});
      refund.failed(clock.instant());
      audit.record(
          new AuditEvent(
              actor,
              "payment.refund-failed",
              "payment_refund",
              refund.id().toString(),
              payment.municipalityId(),
              payment.referenceValue() + " " + cents + " ct"));
      return RefundOutcome.refused(refund.id(), "payment.problem.providerDown");
    }
  }
}
