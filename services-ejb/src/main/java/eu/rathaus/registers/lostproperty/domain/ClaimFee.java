package eu.rathaus.registers.lostproperty.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fee a municipality charges for handing a found item back to its owner, as its admin enters
 * it: euros with up to two decimals ("10", "12,50", "12.50"), 0 for none, at most {@link
 * #MAX_CENTS} (the database's own bound, V64). Stored and charged in cents.
 *
 * @param cents the fee in cents, or -1 if refused
 * @param problem the message key of the refusal, or null
 */
public record ClaimFee(long cents, String problem) {

  /** 1,000 €: the highest fee (the database refuses more). */
  public static final long MAX_CENTS = 100_000;

  private static final Pattern AMOUNT = Pattern.compile("\\d{1,7}([.,]\\d{1,2})?");
  private static final Pattern DECIMALS = Pattern.compile("\\d{1,7}[.,]\\d{3,}");

  /** The fee of {@code input}, or why it is refused. */
  public static ClaimFee parse(String input) {
    String text = input == null ? "" : input.strip().replace(" ", "").replace("€", "");
    if (text.isEmpty()) {
      return refused("lostproperty.fee.problem.required");
    }
    if (text.startsWith("-")) {
      return refused("lostproperty.fee.problem.negative");
    }
    if (DECIMALS.matcher(text).matches()) {
      return refused("lostproperty.fee.problem.cents");
    }
    if (!AMOUNT.matcher(text).matches()) {
      return refused("lostproperty.fee.problem.format");
    }
    long cents = new BigDecimal(text.replace(',', '.')).movePointRight(2).longValueExact();
    if (cents > MAX_CENTS) {
      return refused("lostproperty.fee.problem.tooHigh");
    }
    return new ClaimFee(cents, null);
  }

  private static ClaimFee refused(String key) {
    return new ClaimFee(-1, key);
  }

  public boolean isValid() {
    return problem == null;
  }

  /** The fee, if valid. */
  public Optional<Long> value() {
    return isValid() ? Optional.of(cents) : Optional.empty();
  }
}
