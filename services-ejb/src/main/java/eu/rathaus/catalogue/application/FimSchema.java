package eu.rathaus.catalogue.application;

import java.util.List;

/**
 * A FIM Stammdatenschema as read from an XDatenfelder 2.0 or 3.0 file, in one neutral shape for
 * both versions ({@link FimSchemaReader} reads, {@link FimFormMapper} turns it into a form). Only
 * what a form can use or what must be reported as not used is kept.
 */
public record FimSchema(
    Standard standard,
    String id,
    String version,
    String title,
    String description,
    List<Element> children,
    List<Rule> rules) {

  /** The XDatenfelder version of the file. */
  public enum Standard {
    XDF2("xdatenfelder-2.0"),
    XDF3("xdatenfelder-3.0");

    private final String json;

    Standard(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  /** How often an element may occur ({@code anzahl}, e.g. {@code 0:1}, {@code 1:*}). */
  public record Multiplicity(int min, int max, String text) {
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public boolean optional() {
      return min == 0;
    }

    public boolean repeats() {
      return max > 1;
    }
  }

  /** A rule ({@code regel}): kept only to report it, a form cannot run FIM rules. */
  public record Rule(String id, String name, String text) {}

  /** One entry of a code list or value list. */
  public record Value(String code, String name, String help) {}

  /** A data field or a field group inside a {@code struktur} with its multiplicity. */
  public sealed interface Element permits Field, Group {
    String id();

    String version();

    String label();

    Multiplicity multiplicity();
  }

  /** A field group ({@code datenfeldgruppe}). */
  public record Group(
      String id,
      String version,
      String label,
      String help,
      Multiplicity multiplicity,
      List<Element> children,
      List<Rule> rules)
      implements Element {}

  /**
   * A data field ({@code datenfeld}): {@code feldart} (input, select, label, hidden, locked),
   * {@code datentyp} (text, date, bool, num, file, ...), the constraints of {@code praezisierung},
   * the values of a select (inline or from a code list file), and the code list it refers to.
   */
  public record Field(
      String id,
      String version,
      String label,
      String help,
      Multiplicity multiplicity,
      String feldart,
      String datentyp,
      Constraints constraints,
      List<Value> values,
      String codeList,
      String content,
      String mediaType,
      List<Rule> rules)
      implements Element {}

  /** {@code praezisierung}: texts stay as written, the mapper decides what it can use. */
  public record Constraints(
      String minLength, String maxLength, String minValue, String maxValue, String pattern) {
    public static final Constraints NONE = new Constraints(null, null, null, null, null);
  }
}
