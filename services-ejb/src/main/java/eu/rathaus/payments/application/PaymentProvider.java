package eu.rathaus.payments.application;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A hosted payment provider (epay21, ePayBL, a card acquirer, the local sandbox). The portal never
 * sees card data: it opens a session, sends the citizen's browser to the provider's page, and
 * learns the outcome only from a signed server-to-server notification or by asking ({@link
 * #status}). A browser coming back proves nothing, so this interface has no "return" method on
 * purpose.
 *
 * <p>Implementations are CDI beans; {@link PaymentProviders} finds them by {@link #name()}, which
 * is also the last path segment of the notification endpoint.
 */
public interface PaymentProvider {

  /** Short stable name, e.g. {@code hosted}; stored on the payment request and in event sources. */
  String name();

  /**
   * Opens a payment session at the provider.
   *
   * @throws PaymentProviderException when the provider cannot be reached or refuses
   */
  HostedSession createSession(SessionRequest request);

  /**
   * Asks the provider how a session stands (the status poll, for notifications that never came).
   *
   * @throws PaymentProviderException when the provider cannot be reached or does not know the id
   */
  ProviderStatus status(String providerPaymentId);

  /**
   * Gives money back. Synchronous: the answer says whether the provider booked the refund.
   *
   * @throws PaymentProviderException when the provider cannot be reached or refuses
   */
  ProviderRefund refund(String providerPaymentId, long cents, String reason);

  /**
   * Checks a notification's signature over the exact bytes received and only then reads it.
   *
   * @param headers request headers, names in lower case
   */
  NotificationCheck verify(Map<String, String> headers, byte[] body, Instant now);

  /** What the portal asks the provider to collect. */
  record SessionRequest(
      String reference,
      long amountCents,
      String currency,
      String description,
      URI returnUrl,
      URI notifyUrl) {}

  /** The provider's id of the session and where to send the citizen's browser. */
  record HostedSession(String providerPaymentId, URI redirectUrl) {}

  /** Where a session stands at the provider. */
  enum Outcome {
    /** Not yet decided (open, processing). */
    PENDING,
    PAID,
    FAILED
  }

  record ProviderStatus(
      String providerPaymentId,
      Outcome outcome,
      long amountCents,
      String currency,
      String reference) {}

  record ProviderRefund(String providerRefundId, boolean done) {}

  /** One verified notification. */
  record Notification(
      String notificationId,
      String providerPaymentId,
      String reference,
      Outcome outcome,
      long amountCents,
      String currency) {}

  /**
   * The verdict on an incoming notification; {@code notification} is set only when {@link #verdict}
   * is VALID.
   */
  record NotificationCheck(Verdict verdict, Notification notification) {
    public static NotificationCheck refused(Verdict verdict) {
      return new NotificationCheck(verdict, null);
    }
  }

  enum Verdict {
    VALID,
    BAD_SIGNATURE,
    STALE,
    MALFORMED
  }
}
