package eu.rathaus.webhooks.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A municipality's system that receives {@code events} at {@code url}. The secret is not here. */
public record Subscription(
    UUID id,
    UUID municipalityId,
    String url,
    List<WebhookEventType> events,
    boolean active,
    Instant createdAt)
    implements Serializable {}
