package eu.rathaus.tenancy.application;

import java.util.Locale;

/**
 * How tenancy's forms read what was typed, in one place: surrounding blanks go, an empty field is
 * no value (null), and what is case-insensitive (slugs, domains, addresses) is lower-cased.
 */
final class TypedText {

  private TypedText() {}

  /** Stripped; null for null, empty or blank. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** {@link #clean} and lower-cased. */
  static String lower(String value) {
    String cleaned = clean(value);
    return cleaned == null ? null : cleaned.toLowerCase(Locale.ROOT);
  }
}
