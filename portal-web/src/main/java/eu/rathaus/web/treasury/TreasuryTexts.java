package eu.rathaus.web.treasury;

import eu.rathaus.catalogue.domain.Money;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** Texts, amounts and dates of the treasury page in the visitor's language. */
final class TreasuryTexts {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private TreasuryTexts() {}

  static String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return args.length == 0
        ? msg.getString(key)
        : new MessageFormat(msg.getString(key), locale()).format(args);
  }

  static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces == null || faces.getViewRoot() == null
        ? Locale.GERMAN
        : faces.getViewRoot().getLocale();
  }

  static String euros(long cents) {
    return Money.euroCents(cents).format(locale());
  }

  static String time(Instant t) {
    return t == null
        ? ""
        : DateTimeFormatter.ofPattern(german() ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm")
            .withZone(BERLIN)
            .format(t);
  }

  static String date(LocalDate d) {
    return d == null
        ? ""
        : DateTimeFormatter.ofPattern(german() ? "dd.MM.yyyy" : "yyyy-MM-dd").format(d);
  }

  private static boolean german() {
    return "de".equals(locale().getLanguage());
  }

  /**
   * A refund amount as the treasury types it ("12,50", "12.50", "12 €") in cents; null if it is no
   * plain positive euro amount with at most two decimals.
   */
  static Long cents(String text) {
    return Money.parse(text).map(Money::cents).orElse(null);
  }

  static void error(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }
}
