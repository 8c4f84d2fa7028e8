package eu.rathaus.audit.application;

import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.audit.domain.AuditEvent;
import java.util.List;

/** An {@link AuditLog} for unit tests: records into a list the test owns, verifies nothing. */
public final class RecordingAuditLog implements AuditLog {

  private final List<AuditEvent> events;

  public RecordingAuditLog(List<AuditEvent> events) {
    this.events = events;
  }

  @Override
  public long record(AuditEvent event) {
    events.add(event);
    return events.size();
  }

  @Override
  public VerificationResult verify() {
    throw new UnsupportedOperationException();
  }
}
