package eu.rathaus.registers.residents.domain;

import java.util.Optional;

/**
 * Why a clerk reads the register: every search and every opened record is audited with it, so it
 * must say something (at least {@value #MIN_LENGTH} characters, e.g. a reference number or "Anfrage
 * Polizei Az. 12/26") and stay short enough for the audit log.
 */
public final class ReadReason {

  public static final int MIN_LENGTH = 5;
  public static final int MAX_LENGTH = 200;

  private ReadReason() {}

  /** The stripped reason, or empty when it is missing, too short or too long. */
  public static Optional<String> of(String given) {
    if (given == null) {
      return Optional.empty();
    }
    String reason = given.strip().replaceAll("\\s+", " ");
    return reason.length() < MIN_LENGTH || reason.length() > MAX_LENGTH
        ? Optional.empty()
        : Optional.of(reason);
  }
}
