package eu.rathaus.webhooks.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery the sender has claimed (locked) with what it needs to send it: the subscription's
 * stored secret ({@link SealedSecret}'s text, or a plain one from before V68) and, during a
 * rotation's grace period, the previous one with the end of that period.
 */
public record DueDelivery(
    UUID id,
    UUID municipalityId,
    UUID subscriptionId,
    String url,
    String secret,
    String previousSecret,
    Instant previousUntil,
    String payload,
    int attempts) {

  /** Whether the previous secret still signs at {@code now}. */
  public boolean previousValidAt(Instant now) {
    return previousSecret != null && previousUntil != null && now.isBefore(previousUntil);
  }

  /** No secret in logs or exceptions. */
  @Override
  public String toString() {
    return "DueDelivery[" + id + " to " + url + ", attempts=" + attempts + "]";
  }
}
