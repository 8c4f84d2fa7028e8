package eu.rathaus.catalogue.domain;

/**
 * What is left of a visitor's search input before it reaches the database. The input comes straight
 * from a URL, so it may be anything: it is cut rather than refused (it is only a filter), control
 * characters go (PostgreSQL refuses NUL in text outright, which would turn a search into an error
 * page), and the cut never splits a character made of two UTF-16 units.
 */
public final class SearchText {

  /** Longest search text taken, in characters (code points). */
  public static final int MAX_LENGTH = 100;

  private SearchText() {}

  /** The cleaned text; empty (never null) for missing or blank input. */
  public static String clean(String input) {
    if (input == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int taken = 0;
    for (int i = 0; i < input.length() && taken < MAX_LENGTH; ) {
      int cp = input.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isISOControl(cp)
          || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.SURROGATE) {
        cp = ' ';
      }
      out.appendCodePoint(cp);
      taken++;
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }
}
