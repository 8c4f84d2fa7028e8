package eu.rathaus.audit.domain;

import java.util.UUID;

/**
 * Something that happened and must be recorded: who did what to which subject, for which
 * municipality (null for platform-wide events). {@code details} must not carry more personal data
 * than needed to understand the event later.
 */
public record AuditEvent(
    String actor,
    String action,
    String subjectType,
    String subjectId,
    UUID municipalityId,
    String details) {

  public AuditEvent {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("actor is required");
    }
    if (action == null || action.isBlank()) {
      throw new IllegalArgumentException("action is required");
    }
  }

  /** Name of the chain this event belongs to: one per municipality, one for the platform. */
  public String chain() {
    return municipalityId == null ? "platform" : "municipality:" + municipalityId;
  }
}
