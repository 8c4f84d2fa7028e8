package eu.rathaus.attachments.domain;

/**
 * The answer of a {@link MalwareScanner}. {@code detail} is the signature name for {@link
 * Verdict#INFECTED} and a technical reason for {@link Verdict#UNAVAILABLE}; never shown to
 * citizens.
 */
public record ScanResult(Verdict verdict, String detail) {

  /** The four ways a scan ends. */
  public enum Verdict {
    CLEAN,
    INFECTED,
    /** No scanner is configured: the file is stored as {@link ScanStatus#NOT_SCANNED}. */
    NOT_SCANNED,
    /** A scanner is configured but did not answer properly: refuse, never store unscanned. */
    UNAVAILABLE
  }

  public static ScanResult clean() {
    return new ScanResult(Verdict.CLEAN, null);
  }

  public static ScanResult infected(String signature) {
    return new ScanResult(Verdict.INFECTED, signature);
  }

  public static ScanResult notScanned() {
    return new ScanResult(Verdict.NOT_SCANNED, "no scanner configured");
  }

  public static ScanResult unavailable(String reason) {
    return new ScanResult(Verdict.UNAVAILABLE, reason);
  }
}
