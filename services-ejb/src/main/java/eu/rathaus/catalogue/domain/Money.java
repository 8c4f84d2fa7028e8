package eu.rathaus.catalogue.domain;

import java.io.Serializable;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount of money in cents. Fees are summed, split into payment requests and reconciled against
 * bank statements, so they must be exact: a {@code long} of cents never rounds, a {@code double} of
 * euros does. Only EUR exists on the platform; the currency is kept so a stored amount says what it
 * is and so another currency cannot sneak in silently.
 */
public record Money(long cents, String currency) implements Serializable, Comparable<Money> {

  public static final String EUR = "EUR";
  public static final Money ZERO = new Money(0, EUR);

  /**
   * Whole euros (up to 999 999 999) with at most two decimals, after symbol and separator are read.
   */
  private static final Pattern TYPED = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (!EUR.equals(currency)) {
      throw new IllegalArgumentException("Only EUR is supported, not " + currency);
    }
    if (cents < 0) {
      throw new IllegalArgumentException("A fee cannot be negative: " + cents);
    }
  }

  public static Money euroCents(long cents) {
    return new Money(cents, EUR);
  }

  /**
   * Reads an amount as administrators and the treasury type it: {@code 12,50}, {@code 12.5}, {@code
   * 7 €}, {@code 7 EUR}. Empty for anything else (negative, three decimals, thousands separators,
   * words), so one rule decides everywhere the portal reads typed euros.
   */
  public static Optional<Money> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.replace("€", "").replace("EUR", "").strip().replace(',', '.');
    if (!TYPED.matcher(t).matches()) {
      return Optional.empty();
    }
    return Optional.of(euroCents(new java.math.BigDecimal(t).movePointRight(2).longValueExact()));
  }

  /**
   * The amount as an input field shows it ({@code 12,50}): no symbol, read back by {@link #parse}.
   */
  public String plain() {
    return java.math.BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(cents, other.cents), currency);
  }

  public boolean isZero() {
    return cents == 0;
  }

  /**
   * Formats for people: {@code 12,50 €} in German, {@code €12.50} in English. The digits come from
   * the cents by integer arithmetic; the locale only decides separators and the symbol's place.
   */
  public String format(Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(java.util.Currency.getInstance(currency));
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    // BigDecimal keeps the value exact on its way into the formatter.
    String text = format.format(java.math.BigDecimal.valueOf(cents, 2));
    // The JDK puts a no-break space before the € in German; a plain space copies and searches
    // better.
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(cents, other.cents);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("Currencies differ: " + currency + " / " + other.currency);
    }
  }

  @Override
  public String toString() {
    return cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100) + " " + currency;
  }
}
