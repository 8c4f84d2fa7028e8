package eu.rathaus.webhooks.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of the delivery log: an event for one subscription, its state ({@code PENDING}, {@code
 * DELIVERED}, {@code FAILED}), how often it was tried and the receiver's last HTTP status (null if
 * no response came).
 */
public record Delivery(
    UUID id,
    UUID subscriptionId,
    String url,
    String eventType,
    String status,
    int attempts,
    Integer lastStatus,
    String lastError,
    Instant createdAt,
    Instant lastAttemptAt,
    Instant deliveredAt,
    Instant nextAttemptAt)
    implements Serializable {}
