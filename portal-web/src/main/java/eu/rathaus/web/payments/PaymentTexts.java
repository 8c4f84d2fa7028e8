package eu.rathaus.web.payments;

import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.payments.domain.PaymentState;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Formatting shared by the payment pages, "Meine Anträge" and the receipt: amounts, due dates and
 * the state in words ({@code payment.state.*} keys), so every place says "bezahlt" the same way.
 */
public final class PaymentTexts {

  static final String BUNDLE = "eu.rathaus.web.i18n.messages";

  private PaymentTexts() {}

  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static String amount(long cents, Locale locale) {
    return Money.euroCents(cents).format(locale);
  }

  public static String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  public static String state(PaymentState state, Locale locale) {
    return bundle(locale).getString("payment.state." + state.name());
  }
}
