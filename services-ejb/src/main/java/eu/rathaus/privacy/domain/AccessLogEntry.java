package eu.rathaus.privacy.domain;

import java.time.Instant;

/**
 * One access by the authority to a citizen's data, from the audit log: when, which municipality,
 * which person (display name as the municipality knows it, null if unknown), what (the audit
 * action, e.g. {@code case.read}), on what kind of record, and the case's reference number.
 */
public record AccessLogEntry(
    Instant occurredAt,
    String municipality,
    String actorName,
    String action,
    String subjectType,
    String reference) {}
