package eu.rathaus.notices.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A notice in a list (case page, the citizen's application): bean getters for Jakarta EL 5. */
public final class NoticeSummary implements Serializable {

  private static final long serialVersionUID = 1L;

  private final UUID id;
  private final boolean approved;
  private final String fileName;
  private final Instant createdAt;

  public NoticeSummary(UUID id, boolean approved, String fileName, Instant createdAt) {
    this.id = id;
    this.approved = approved;
    this.fileName = fileName;
    this.createdAt = createdAt;
  }

  public UUID getId() {
    return id;
  }

  public boolean isApproved() {
    return approved;
  }

  public String getFileName() {
    return fileName;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
