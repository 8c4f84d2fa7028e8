package eu.rathaus.web.office;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Texts, dates and the 404 answer of the back-office pages, all in the reader's language. */
final class OfficeTexts {

  static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  private OfficeTexts() {}

  static String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    String pattern = msg.containsKey(key) ? msg.getString(key) : key;
    return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
  }

  static String text(String key, List<String> args) {
    return text(key, args.toArray());
  }

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
  }

  static String date(LocalDate date, Locale locale) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  static String time(Instant instant, Locale locale) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(GERMAN_TIME)
            .format(instant);
  }

  /**
   * Ends the request with the portal's 404 page: a foreign case id must look exactly like an
   * unknown one, and never like a server error.
   */
  static void notFound() {
    sendError(404);
  }

  /** Staff of a suspended municipality (signed in, but without a staff scope) get the 403 page. */
  static void forbidden() {
    sendError(403);
  }

  private static void sendError(int status) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(status, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
