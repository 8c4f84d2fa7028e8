package eu.rathaus.payments.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage of payment requests, their events and refunds. Queries run under the caller's tenant
 * scope (row-level security), so a citizen finds only their own payments and staff only their
 * municipality's; provider notifications and the status poll run in the platform scope.
 */
public interface PaymentRepository {

  Optional<PaymentRequest> find(UUID id);

  /** Finds and locks the row (SELECT … FOR UPDATE): concurrent signals for one payment queue up. */
  Optional<PaymentRequest> lock(UUID id);

  Optional<PaymentRequest> forApplication(UUID applicationId);

  Optional<PaymentRequest> byReference(PaymentReference reference);

  Optional<PaymentRequest> byProviderPayment(String provider, String providerPaymentId);

  void add(PaymentRequest request);

  void addEvent(PaymentEvent event);

  /** Whether a signal with this source and external id was already booked for the payment. */
  boolean hasEvent(UUID paymentId, String source, String externalId);

  List<PaymentEvent> events(UUID paymentId);

  void addRefund(PaymentRefund refund);

  List<PaymentRefund> refunds(UUID paymentId);

  /** The requests of several applications, for lists ("Meine Anträge"). */
  List<PaymentRequest> forApplications(Collection<UUID> applicationIds);

  /**
   * Whether the service version the application was submitted against allows deciding before
   * payment.
   */
  boolean decideBeforePayment(UUID applicationId);

  /**
   * PENDING hosted-page payments unchanged since {@code before}, locked with SKIP LOCKED so several
   * portal instances polling at once never ask about the same payment twice.
   */
  List<PaymentRequest> claimPendingHosted(Instant before, int limit);

  /**
   * Payable requests (OPEN, PENDING, FAILED) whose due date lies before {@code today}, locked with
   * SKIP LOCKED.
   */
  List<PaymentRequest> claimOverdue(LocalDate today, int limit);
}
