package eu.rathaus.messaging.application;

import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.messaging.domain.AuthorKind;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as a page shows it. {@code body} is the text exactly as written; pages must render it
 * escaped. {@code readAt} is when the receiving side first opened it; {@code newForViewer} whether
 * it was unread by the viewer before this opening (the unread marker).
 */
public record MessageItem(
    UUID id,
    AuthorKind authorKind,
    String authorName,
    String body,
    Instant createdAt,
    Instant readAt,
    boolean newForViewer,
    List<AttachmentSummary> attachments)
    implements Serializable {

  public UUID getId() {
    return id;
  }

  public String getAuthorKind() {
    return authorKind.name();
  }

  public boolean isFromStaff() {
    return authorKind == AuthorKind.STAFF;
  }

  public String getAuthorName() {
    return authorName;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }

  public boolean isNewForViewer() {
    return newForViewer;
  }

  public List<AttachmentSummary> getAttachments() {
    return attachments;
  }
}
