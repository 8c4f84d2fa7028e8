package eu.rathaus.webhooks.domain;

import java.util.UUID;

/** A delivery the sender has claimed (locked) with what it needs to send it. */
public record DueDelivery(
    UUID id, UUID municipalityId, String url, String secret, String payload, int attempts) {

  /** No secret in logs or exceptions. */
  @Override
  public String toString() {
    return "DueDelivery[" + id + " to " + url + ", attempts=" + attempts + "]";
  }
}
