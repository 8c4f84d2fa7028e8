package eu.rathaus.registers.residents.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code printed on a certificate, with which anyone can check on the portal that it was issued:
 * 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L, U), in groups of four —
 * "7KQD-M2XA-R9PZ". 60 bits of randomness: not guessable, and it says nothing about the person.
 */
public final class VerificationCode {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationCode() {}

  /** A new random code, grouped. */
  public static String generate() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * The code as stored (grouped, upper case) from what someone typed or scanned: spaces, dashes and
   * case do not matter; anything else of the wrong length or alphabet is no code.
   */
  public static Optional<String> normalize(String given) {
    if (given == null) {
      return Optional.empty();
    }
    String plain = given.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (plain.length() != LENGTH || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(
        plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8));
  }
}
