package eu.rathaus.attachments.domain;

/**
 * What is recorded about the malware scan of a stored attachment. There is deliberately no
 * "infected" value (infected files are never stored) and no default: a file stored while no scanner
 * was configured says so forever, instead of passing for clean.
 */
public enum ScanStatus {
  /** clamd scanned the bytes and found nothing. */
  CLEAN,
  /** No scanner was configured when the file arrived; it must be scanned before anyone opens it. */
  NOT_SCANNED
}
