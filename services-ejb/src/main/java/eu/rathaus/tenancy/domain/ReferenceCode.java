package eu.rathaus.tenancy.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The three capital letters that open every Aktenzeichen of a municipality ("SEE-2026-000001") and
 * are part of its Kassenzeichen. Unique platform-wide, so a reference number alone names the
 * municipality it belongs to.
 */
public final class ReferenceCode {

  private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}");

  private ReferenceCode() {}

  public static boolean isValid(String code) {
    return code != null && FORMAT.matcher(code).matches();
  }

  /** Upper-cases and trims what an admin typed; null for blank input. */
  public static String normalise(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * A free code for a municipality called {@code name}: its first three letters ("Seebach" → "SEE";
   * umlauts spelled out, accents dropped), else the first two and another letter, else the first
   * and any two. The same rule as migration V18 uses for municipalities onboarded before it.
   *
   * @param taken answers whether a code already belongs to another municipality
   */
  public static Optional<String> propose(String name, Predicate<String> taken) {
    String letters = lettersOf(name == null ? "" : name);
    if (letters.length() < 3) {
      letters = (letters + "XXX").substring(0, 3);
    }
    String first = letters.substring(0, 3);
    if (!taken.test(first)) {
      return Optional.of(first);
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      String candidate = letters.substring(0, 2) + c;
      if (!taken.test(candidate)) {
        return Optional.of(candidate);
      }
    }
    for (char a = 'A'; a <= 'Z'; a++) {
      for (char b = 'A'; b <= 'Z'; b++) {
        String candidate = letters.substring(0, 1) + a + b;
        if (!taken.test(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static String lettersOf(String name) {
    String spelled =
        name.replace("ä", "ae")
            .replace("ö", "oe")
            .replace("ü", "ue")
            .replace("Ä", "Ae")
            .replace("Ö", "Oe")
            .replace("Ü", "Ue")
            .replace("ß", "ss");
    String plain = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
  }
}
