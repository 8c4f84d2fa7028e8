package eu.rathaus.registers.residents.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person who moves in from elsewhere together with the applicant of an Anmeldung and is not in
 * the municipality's register yet, as the form names her: one line "given names family name, birth
 * date" ("Lena Muster, 09.05.2015"; the family name is the last word, "geb." before the date and an
 * ISO date are read as well). The approval enters her as a new person.
 */
public record Newcomer(String givenNames, String familyName, LocalDate birthDate)
    implements Serializable {

  private static final Pattern LINE =
      Pattern.compile(
          "^(.+?)\\s*,\\s*(?:geb\\.\\s*)?(\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2})$");

  private static final DateTimeFormatter GERMAN =
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** The person a line names, if it gives at least two names and a birth date not after today. */
  public static Optional<Newcomer> parse(String line, LocalDate today) {
    if (line == null) {
      return Optional.empty();
    }
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String[] names = m.group(1).strip().split("\\s+");
    if (names.length < 2) {
      return Optional.empty();
    }
    LocalDate born;
    try {
      String date = m.group(2);
      born = date.contains("-") ? LocalDate.parse(date) : LocalDate.parse(date, GERMAN);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    if (born.isAfter(today)) {
      return Optional.empty();
    }
    String family = names[names.length - 1];
    String given = String.join(" ", Arrays.copyOf(names, names.length - 1));
    return Optional.of(new Newcomer(given, family, born));
  }

  public String name() {
    return givenNames + " " + familyName;
  }

  /** As the household lines of the form ("Lena Muster, 09.05.2015"). */
  public String line() {
    return name() + ", " + DateTimeFormatter.ofPattern("dd.MM.yyyy").format(birthDate);
  }
}
