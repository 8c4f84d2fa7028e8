package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.MalwareScanner;
import eu.rathaus.attachments.domain.ScanResult;

/**
 * Stands in when no clamd is configured: every file is "not scanned", recorded as such, and never
 * reported as clean. The portal warns about it at start-up.
 */
public final class NotConfiguredScanner implements MalwareScanner {

  @Override
  public ScanResult scan(byte[] content) {
    return ScanResult.notScanned();
  }

  @Override
  public boolean isConfigured() {
    return false;
  }

  @Override
  public String describe() {
    return "no malware scanner (CLAMD_HOST not set)";
  }
}
