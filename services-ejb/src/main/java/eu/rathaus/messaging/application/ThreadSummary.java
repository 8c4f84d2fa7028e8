package eu.rathaus.messaging.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A line of a thread list: what it is about and how many messages the viewer has not read yet. Bean
 * getters because Jakarta EL 5 does not read record components.
 */
public record ThreadSummary(
    UUID id, UUID caseId, String title, String municipalityName, Instant lastMessageAt, long unread)
    implements Serializable {

  public UUID getId() {
    return id;
  }

  public UUID getCaseId() {
    return caseId;
  }

  public String getTitle() {
    return title;
  }

  public String getMunicipalityName() {
    return municipalityName;
  }

  public Instant getLastMessageAt() {
    return lastMessageAt;
  }

  public long getUnread() {
    return unread;
  }

  public boolean isCaseThread() {
    return caseId != null;
  }
}
