package eu.rathaus.payments.domain;

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
}
