package eu.rathaus.messaging.application;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * A thread with its messages, oldest first. For a case whose thread has not been started yet,
 * {@code id} is null and there are no messages (staff can still write the first one).
 */
public record ThreadDetail(
    UUID id, UUID caseId, String title, String municipalityName, List<MessageItem> messages)
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

  public List<MessageItem> getMessages() {
    return messages;
  }
}
