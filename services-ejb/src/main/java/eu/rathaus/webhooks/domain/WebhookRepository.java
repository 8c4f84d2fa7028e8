package eu.rathaus.webhooks.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions and deliveries, in the caller's transaction and scope (row-level security). */
public interface WebhookRepository {

  /**
   * Queues an event for every active subscription of the municipality that wants it (any scope: the
   * database function reads nothing back); returns how many deliveries were queued.
   */
  int enqueue(UUID municipalityId, String eventType, String payload, Instant now);

  void addSubscription(Subscription subscription, String secret, String actor);

  /** Queues a hand-off event for the active push channel of a destination; returns how many. */
  int push(UUID municipalityId, UUID destinationId, String eventType, String payload, Instant now);

  /** A destination's push channel: its deliveries go to {@code subscription.url()}. */
  void addPushSubscription(
      Subscription subscription, UUID destinationId, String secret, String actor);

  /** Whether the destination has an active push channel. */
  boolean pushes(UUID municipalityId, UUID destinationId);

  /** The destination's active push channel (a subscription), if it has one. */
  Optional<UUID> pushChannel(UUID municipalityId, UUID destinationId);

  /** Stops the destination's push channel; false if it had none. */
  boolean stopPush(UUID municipalityId, UUID destinationId);

  /** The municipality's own systems' subscriptions (not the destinations' push channels). */
  List<Subscription> subscriptions(UUID municipalityId);

  /** Stops a subscription: no further event is queued for it. False if none was active. */
  boolean deactivate(UUID municipalityId, UUID subscriptionId);

  List<Delivery> deliveries(UUID municipalityId, int limit);

  Optional<Delivery> delivery(UUID deliveryId);

  /** A delivery due again at once, its attempts counted anew; false if it is not the caller's. */
  boolean replay(UUID municipalityId, UUID deliveryId, Instant now);

  /**
   * Replaces the subscription's secret (sealed) by {@code sealedSecret}; the one it had stays valid
   * until {@code previousUntil}. False if it is not an active subscription of the municipality.
   */
  boolean rotateSecret(
      UUID municipalityId,
      UUID subscriptionId,
      String sealedSecret,
      Instant previousUntil,
      Instant now);

  /** Up to {@code limit} subscriptions whose secret is still plain (written before V68). */
  List<PlainSecret> plainSecrets(int limit);

  /** Writes the sealed form of a plain secret (and of a plain previous one). */
  void sealSecret(UUID subscriptionId, String sealedSecret, String sealedPrevious);

  /** A subscription whose stored secret (or previous secret) is not sealed yet. */
  record PlainSecret(UUID subscriptionId, UUID municipalityId, String secret, String previous) {
    @Override
    public String toString() {
      return "PlainSecret[" + subscriptionId + "]";
    }
  }

  /** Locks up to {@code limit} pending deliveries that are due ({@code FOR UPDATE SKIP LOCKED}). */
  List<DueDelivery> claimDue(Instant now, int limit);

  void delivered(UUID deliveryId, int attempts, int httpStatus, Instant now);

  /** A failed attempt; {@code nextAttempt} null = given up (FAILED). */
  void attemptFailed(
      UUID deliveryId, int attempts, Integer httpStatus, String error, Instant now, Instant next);
}
