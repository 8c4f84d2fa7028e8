package eu.rathaus.applications.domain;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number a citizen quotes on the phone: {@code MUS-2026-000123}. Three letters name the
 * municipality (so a clerk sees at once whether a number is theirs), then the year and a counter
 * that starts again each year. Short, unambiguous, and without personal data or guessable internal
 * ids.
 *
 * <p>Counters go up to 999,999 per municipality and year; a seventh digit would need a new format,
 * so the constructor refuses it instead of printing a number that {@link #parse} cannot read back.
 */
public record ReferenceNumber(String municipalityCode, int year, long counter)
    implements Serializable, Comparable<ReferenceNumber> {

  public static final long MAX_COUNTER = 999_999;

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  private static final Pattern FORMAT = Pattern.compile("([A-Z]{3})-([0-9]{4})-([0-9]{6})");

  public ReferenceNumber {
    if (municipalityCode == null || !CODE.matcher(municipalityCode).matches()) {
      throw new IllegalArgumentException("Municipality code must be three capital letters");
    }
    if (year < 2000 || year > 9999) {
      throw new IllegalArgumentException("Year out of range: " + year);
    }
    if (counter < 1 || counter > MAX_COUNTER) {
      throw new IllegalArgumentException("Counter out of range: " + counter);
    }
  }

  /** Reads a number as typed by a person: surrounding spaces and lower case are forgiven. */
  public static ReferenceNumber parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("No reference number");
    }
    Matcher m = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a reference number (expected e.g. MUS-2026-000123)");
    }
    return new ReferenceNumber(
        m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
  }

  /** True if {@code text} would {@link #parse} without an exception. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public String format() {
    return String.format(Locale.ROOT, "%s-%04d-%06d", municipalityCode, year, counter);
  }

  @Override
  public int compareTo(ReferenceNumber other) {
    return format().compareTo(other.format());
  }

  @Override
  public String toString() {
    return format();
  }
}
