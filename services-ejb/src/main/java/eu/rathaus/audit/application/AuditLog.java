package eu.rathaus.audit.application;

import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.audit.domain.AuditEvent;

/**
 * The portal's audit log. {@link #record} joins the caller's transaction, so an audited change and
 * its audit entry commit or roll back together.
 */
public interface AuditLog {

  /** Appends the event to its chain and returns the new entry's sequence number. */
  long record(AuditEvent event);

  /** Re-reads every chain and reports the first entry that does not fit. */
  VerificationResult verify();
}
