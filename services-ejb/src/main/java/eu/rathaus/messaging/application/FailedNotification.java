package eu.rathaus.messaging.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A notice the sender gave up on, as the municipal admin sees it: masked address, what kind of
 * notice, how often it was tried and the last error. Bean getters for Jakarta EL 5.
 */
public record FailedNotification(
    UUID id,
    String maskedAddress,
    String templateKey,
    int attempts,
    Instant createdAt,
    String lastError)
    implements Serializable {

  public UUID getId() {
    return id;
  }

  public String getMaskedAddress() {
    return maskedAddress;
  }

  public String getTemplateKey() {
    return templateKey;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getLastError() {
    return lastError;
  }
}
