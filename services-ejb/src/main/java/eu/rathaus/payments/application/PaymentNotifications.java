package eu.rathaus.payments.application;

import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives a provider's server-to-server notification. The signature is checked over the raw bytes
 * before anything is parsed or looked up; a refused notification is logged and changes nothing.
 * Each notification id is booked at most once per payment (checked first, and guarded by the unique
 * constraint on {@code payment_event}), so a provider retrying a notification we already processed
 * simply gets its 200 again.
 *
 * <p>Notifications arrive without a user; the work runs in the platform scope, set directly on its
 * own transaction (like the outbox sender), because a provider serves every municipality.
 */
@ApplicationScoped
public class PaymentNotifications {

  private static final Logger LOG = Logger.getLogger(PaymentNotifications.class.getName());

  /** How a notification was answered; the REST layer maps it to an HTTP status. */
  public enum Result {
    PROCESSED(200),
    ALREADY_PROCESSED(200),
    UNKNOWN_PROVIDER(404),
    BAD_SIGNATURE(401),
    STALE(401),
    MALFORMED(400),
    UNKNOWN_PAYMENT(404),
    AMOUNT_MISMATCH(422),
    NOT_ALLOWED(409);

    private final int httpStatus;

    Result(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  @Inject PaymentProviders providers;
  @Inject PaymentRepository payments;
  @Inject Settlement settlement;
  @Inject DatabaseTenantScope databaseScope;

  Clock clock = Clock.systemUTC();

  /**
   * @param headers the request headers, names in lower case
   * @param body the exact bytes received
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Result receive(String providerName, Map<String, String> headers, byte[] body) {
    Optional<PaymentProvider> provider = providers.byName(providerName);
    if (provider.isEmpty()) {
      LOG.log(Level.WARNING, "Payment notification for unknown provider refused");
      return Result.UNKNOWN_PROVIDER;
    }
    Instant now = clock.instant();
    PaymentProvider.NotificationCheck check = provider.get().verify(headers, body, now);
    switch (check.verdict()) {
      case BAD_SIGNATURE -> {
        LOG.log(
            Level.WARNING, "Payment notification from {0} refused: bad signature", providerName);
        return Result.BAD_SIGNATURE;
      }
      case STALE -> {
        LOG.log(
            Level.WARNING,
            "Payment notification from {0} refused: timestamp outside the window (replay?)",
            providerName);
        return Result.STALE;
      }
      case MALFORMED -> {
        LOG.log(Level.WARNING, "Payment notification from {0} refused: malformed", providerName);
        return Result.MALFORMED;
      }
      default -> {
        // VALID: go on
      }
    }
    PaymentProvider.Notification n = check.notification();
    databaseScope.apply(TenantScope.platform("provider:" + providerName));
    Optional<PaymentRequest> found =
        byReference(n.reference())
            .filter(
                p ->
                    providerName.equals(p.provider())
                        && n.providerPaymentId().equals(p.providerPaymentId()))
            .flatMap(p -> payments.lock(p.id()));
    if (found.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Payment notification {0} from {1} refused: no payment with that reference and session",
          new Object[] {n.notificationId(), providerName});
      return Result.UNKNOWN_PAYMENT;
    }
    PaymentRequest payment = found.get();
    String source = "PROVIDER:" + providerName;
    if (payments.hasEvent(payment.id(), source, n.notificationId())) {
      LOG.log(Level.INFO, "Payment notification {0} already processed", n.notificationId());
      return Result.ALREADY_PROCESSED;
    }
    if (!"EUR".equals(n.currency())) {
      LOG.log(
          Level.WARNING,
          "Payment notification {0} refused: currency {1}",
          new Object[] {n.notificationId(), n.currency()});
      return Result.AMOUNT_MISMATCH;
    }
    Settlement.Result result =
        settlement.apply(
            payment,
            n.outcome(),
            n.amountCents(),
            source,
            n.notificationId(),
            "provider:" + providerName,
            now);
    switch (result) {
      case AMOUNT_MISMATCH -> {
        LOG.log(
            Level.WARNING,
            "Payment notification {0} refused: amount {1} ct, expected {2} ct",
            new Object[] {n.notificationId(), n.amountCents(), payment.amountCents()});
        return Result.AMOUNT_MISMATCH;
      }
      case NOT_ALLOWED -> {
        LOG.log(
            Level.WARNING,
            "Payment notification {0} refused: payment {1} is {2}",
            new Object[] {n.notificationId(), payment.id(), payment.state()});
        return Result.NOT_ALLOWED;
      }
      case UNCHANGED -> {
        return Result.ALREADY_PROCESSED;
      }
      default -> {
        LOG.log(
            Level.INFO,
            "Payment {0} is {1} (notification {2})",
            new Object[] {payment.id(), payment.state(), n.notificationId()});
        return Result.PROCESSED;
      }
    }
  }

  private Optional<PaymentRequest> byReference(String text) {
    try {
      return payments.byReference(PaymentReference.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
