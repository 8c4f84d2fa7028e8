package eu.rathaus.kernel;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An International Bank Account Number checked per ISO 13616: country code, two check digits, a
 * country-specific length, and the mod-97 checksum that catches every single typed-wrong digit and
 * almost all swapped pairs. Refunds and SEPA direct debits go to this number, so a typo must be
 * caught while the citizen is still at the form, not when the bank returns the money weeks later.
 */
public record Iban(String electronic) implements Serializable {

  /** Why an input is not an IBAN. */
  public enum Problem {
    FORMAT,
    COUNTRY,
    LENGTH,
    CHECKSUM
  }

  /**
   * Lengths of the SEPA countries (plus a few neighbours). An IBAN from a country missing here is
   * refused rather than accepted unchecked; extend the table when a municipality needs one.
   */
  static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AT", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("CH", 21),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("EE", 20),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GI", 23),
          Map.entry("GR", 27),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MT", 31),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PL", 28),
          Map.entry("PT", 25),
          Map.entry("RO", 24),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("VA", 22));

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  public Iban {
    Optional<Problem> problem = check(electronic);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("Not a valid IBAN (" + problem.get() + ")");
    }
    electronic = normalise(electronic);
  }

  /** Accepts the paper form with spaces and lower-case letters. */
  public static Iban parse(String text) {
    return new Iban(text);
  }

  /** The first problem of {@code text}, empty if it is a valid IBAN. Never throws. */
  public static Optional<Problem> check(String text) {
    if (text == null || text.length() > 50) {
      return Optional.of(Problem.FORMAT);
    }
    String iban = normalise(text);
    if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
      return Optional.of(Problem.FORMAT);
    }
    Integer length = LENGTHS.get(iban.substring(0, 2));
    if (length == null) {
      return Optional.of(Problem.COUNTRY);
    }
    if (iban.length() != length) {
      return Optional.of(Problem.LENGTH);
    }
    return mod97(iban) == 1 ? Optional.empty() : Optional.of(Problem.CHECKSUM);
  }

  /** Groups of four for reading aloud and printing: {@code DE89 3704 0044 0532 0130 00}. */
  public String formatted() {
    return electronic.replaceAll("(.{4})(?!$)", "$1 ");
  }

  public String countryCode() {
    return electronic.substring(0, 2);
  }

  private static String normalise(String text) {
    return text.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /** ISO 7064 MOD 97-10 over the rearranged number, letters as 10..35. */
  private static int mod97(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder(rearranged.length() * 2);
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.getNumericValue(c));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }

  @Override
  public String toString() {
    return formatted();
  }
}
