package eu.rathaus.registers.lostproperty.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a clerk enters for a found item, as typed. {@link #problems} names every field that is
 * refused with the message key the page shows next to it; an item with no problems can be stored
 * through {@link #category()}, {@link #foundOn()} and the trimmed texts.
 *
 * @param finderName optional: a finder who stays anonymous is allowed
 */
public record FoundItemInput(
    String category,
    String description,
    String foundPlace,
    String foundOn,
    String keptAt,
    String finderName,
    String finderContact,
    boolean finderKeeps) {

  public static final int DESCRIPTION_MIN = 3;
  public static final int DESCRIPTION_MAX = 2000;
  public static final int PLACE_MAX = 200;
  public static final int NAME_MAX = 200;
  public static final int CONTACT_MAX = 300;

  /** A refused field and the message key that says why. */
  public record Problem(String field, String key) {}

  public List<Problem> problems(LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    if (ItemCategory.of(category).isEmpty()) {
      problems.add(new Problem("category", "lostproperty.problem.category"));
    }
    String text = trim(description);
    if (text.length() < DESCRIPTION_MIN) {
      problems.add(new Problem("description", "lostproperty.problem.description.short"));
    } else if (text.length() > DESCRIPTION_MAX) {
      problems.add(new Problem("description", "lostproperty.problem.description.long"));
    }
    checkRequired(problems, "foundPlace", foundPlace, PLACE_MAX);
    checkRequired(problems, "keptAt", keptAt, PLACE_MAX);
    Optional<LocalDate> date = date(foundOn);
    if (date.isEmpty()) {
      problems.add(new Problem("foundOn", "lostproperty.problem.date"));
    } else if (date.get().isAfter(today)) {
      problems.add(new Problem("foundOn", "lostproperty.problem.date.future"));
    }
    if (trim(finderName).length() > NAME_MAX) {
      problems.add(new Problem("finderName", "lostproperty.problem.tooLong"));
    }
    if (trim(finderContact).length() > CONTACT_MAX) {
      problems.add(new Problem("finderContact", "lostproperty.problem.tooLong"));
    }
    return problems;
  }

  private static void checkRequired(List<Problem> problems, String field, String value, int max) {
    String text = trim(value);
    if (text.isEmpty()) {
      problems.add(new Problem(field, "lostproperty.problem.required"));
    } else if (text.length() > max) {
      problems.add(new Problem(field, "lostproperty.problem.tooLong"));
    }
  }

  /** A date as a date field sends it (ISO, {@code 2026-12-07}); empty if it is none. */
  public static Optional<LocalDate> date(String value) {
    String text = trim(value);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static String trim(String value) {
    return value == null ? "" : value.strip();
  }

  public ItemCategory parsedCategory() {
    return ItemCategory.of(category).orElseThrow();
  }

  public LocalDate parsedFoundOn() {
    return date(foundOn).orElseThrow();
  }

  /** The finder's name, or null when none was given. */
  public String finderNameOrNull() {
    String text = trim(finderName);
    return text.isEmpty() ? null : text;
  }

  /** The finder's contact, or null when none was given. */
  public String finderContactOrNull() {
    String text = trim(finderContact);
    return text.isEmpty() ? null : text;
  }
}
