package eu.rathaus.webhooks.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a municipality's system can subscribe to, with their names on the wire (the {@code
 * type} of the payload). What each payload carries is stated here and nothing more: ids, reference
 * numbers, service keys and status values — never answers, names, addresses or message text.
 */
public enum WebhookEventType {
  /** {@code applicationId, referenceNumber, serviceKey, submittedAt}. */
  APPLICATION_SUBMITTED("application.submitted"),
  /** {@code caseId, referenceNumber, from, to} (the case's lifecycle status values). */
  CASE_STATUS_CHANGED("case.status-changed"),
  /** {@code paymentId, applicationId, amountCents, currency, method}. */
  PAYMENT_SETTLED("payment.settled"),
  /** {@code threadId, messageId, caseId} (null for a general thread); never the text. */
  MESSAGE_RECEIVED("message.received");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<WebhookEventType> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
