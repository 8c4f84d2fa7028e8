package eu.rathaus.web.mailbox;

import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Times and sizes on the mailbox pages, in German local time (the authority's clock) and the page's
 * language.
 */
@Named
@RequestScoped
public class MailboxFormat {

  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  @Inject LocaleSelection localeSelection;

  public String time(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(localeSelection.getLocale())
        .withZone(GERMAN_TIME)
        .format(instant);
  }

  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%d KB", Math.round(bytes / 1024.0));
    }
    return String.format(localeSelection.getLocale(), "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
