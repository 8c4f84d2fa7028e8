package eu.rathaus.applications.domain;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rathaus.catalogue.domain.Choice;
import eu.rathaus.catalogue.domain.FieldDefinition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An answer as people read it on the review page and in the receipt: choice labels instead of
 * choice keys, "Ja"/"Nein" instead of true/false, dates as 24.12.2026 in German. The receipt must
 * show what the citizen saw when answering, so labels come from the very version the answers were
 * given for.
 *
 * <p>The result is plain text; whoever renders it escapes it (Faces output, PDF text objects).
 */
public final class AnswerDisplay {

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** The words for yes and no in the reader's language (from the caller's bundle). */
  public record YesNo(String yes, String no) {}

  private AnswerDisplay() {}

  /** The answer to {@code field} as text; empty string when not answered. */
  public static String text(FieldDefinition field, JsonNode value, Locale locale, YesNo words) {
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      return "";
    }
    return switch (field.type()) {
      case YES_NO -> {
        String raw = value.isBoolean() ? String.valueOf(value.booleanValue()) : value.asText();
        yield "true".equals(raw) ? words.yes() : "false".equals(raw) ? words.no() : raw;
      }
      case SINGLE_CHOICE -> label(field, value.asText(), locale);
      case MULTIPLE_CHOICE -> {
        List<String> labels = new ArrayList<>();
        value.forEach(item -> labels.add(label(field, item.asText(), locale)));
        yield String.join(", ", labels);
      }
      case DATE -> date(value.asText(), locale);
      case POSTAL_ADDRESS ->
          (part(value, "street") + " " + part(value, "houseNumber")).strip()
              + ", "
              + (part(value, "postalCode") + " " + part(value, "city")).strip();
      case FILE -> value.isArray() ? String.valueOf(value.size()) : "1";
      default -> value.isTextual() ? value.textValue() : value.asText();
    };
  }

  /** A stored ISO date (yyyy-MM-dd) as the reader writes dates. */
  public static String date(String iso, Locale locale) {
    try {
      LocalDate date = LocalDate.parse(iso);
      return locale != null && "en".equals(locale.getLanguage())
          ? date.toString()
          : date.format(GERMAN_DATE);
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /**
   * Reads a date as people type it — {@code 24.12.2026}, {@code 1.2.2026} or ISO {@code 2026-12-24}
   * — into the ISO form the answers store. Anything else is returned unchanged, so the answer
   * validator reports it at the field instead of it silently vanishing.
   */
  public static String parseDate(String typed) {
    if (typed == null) {
      return null;
    }
    String s = typed.strip();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})").matcher(s);
    if (m.matches()) {
      try {
        return LocalDate.of(
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(1)))
            .toString();
      } catch (java.time.DateTimeException e) {
        return s;
      }
    }
    return s;
  }

  private static String label(FieldDefinition field, String key, Locale locale) {
    return field.choice(key).map(Choice::label).map(l -> l.in(locale)).orElse(key);
  }

  private static String part(JsonNode address, String name) {
    JsonNode part = address.get(name);
    return part == null || part.isNull() ? "" : part.asText().strip();
  }
}
