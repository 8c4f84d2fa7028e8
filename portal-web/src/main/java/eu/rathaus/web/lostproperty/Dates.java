package eu.rathaus.web.lostproperty;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates on the lost-property pages: the medium form of the page's language ("07.12.2026"). */
final class Dates {

  private Dates() {}

  static String medium(LocalDate date, Locale locale) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }
}
