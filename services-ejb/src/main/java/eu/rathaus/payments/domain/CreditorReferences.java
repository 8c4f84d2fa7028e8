package eu.rathaus.payments.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the Kassenzeichen in what a bank passes on from a transfer. Citizens who use the GiroCode
 * send it in the structured field; many type it into the free text instead — with spaces every four
 * characters as printed, in lower case, between other words ("Gebühr RF71 MUS2 0260 0012 3
 * Parkausweis"). The ISO 11649 check digits make a wrong guess very unlikely, and candidates that
 * end where a word ends are preferred, so a reference followed by more words is still found
 * exactly.
 */
public final class CreditorReferences {

  /** RF + 2 check digits + 1..21 characters. */
  private static final int MIN = 5;

  private static final int MAX = 25;

  private CreditorReferences() {}

  /** The structured reference if it is a valid one, otherwise the first valid one in the text. */
  public static Optional<PaymentReference> find(String structured, String text) {
    if (structured != null && !structured.isBlank()) {
      Optional<PaymentReference> fromField = parse(structured);
      if (fromField.isPresent()) {
        return fromField;
      }
      Optional<PaymentReference> inField = inText(structured);
      if (inField.isPresent()) {
        return inField;
      }
    }
    return text == null ? Optional.empty() : inText(text);
  }

  /** The first valid reference in free text, tolerant of spaces and case. */
  public static Optional<PaymentReference> inText(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    for (int start = upper.indexOf("RF"); start >= 0; start = upper.indexOf("RF", start + 1)) {
      if (start > 0 && Character.isLetterOrDigit(upper.charAt(start - 1))) {
        continue; // "REFRF.." or "XRF..": not the start of a reference
      }
      Optional<PaymentReference> found = candidateAt(upper, start);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Collects up to 25 letters and digits from {@code start}, skipping single spaces, and remembers
   * for each length whether a word ended there; tries word-ending lengths first, longest first.
   */
  private static Optional<PaymentReference> candidateAt(String upper, int start) {
    StringBuilder compact = new StringBuilder(MAX);
    boolean[] endsWord = new boolean[MAX + 1];
    int i = start;
    while (i < upper.length() && compact.length() < MAX) {
      char c = upper.charAt(i);
      if (isAlnum(c)) {
        compact.append(c);
        i++;
        endsWord[compact.length()] = i >= upper.length() || !isAlnum(upper.charAt(i));
      } else if (c == ' ' && i + 1 < upper.length() && isAlnum(upper.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int len = compact.length(); len >= MIN; len--) {
        if ((pass == 0) == endsWord[len]) {
          Optional<PaymentReference> parsed = parse(compact.substring(0, len));
          if (parsed.isPresent()) {
            return parsed;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isAlnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static Optional<PaymentReference> parse(String text) {
    try {
      return Optional.of(PaymentReference.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
