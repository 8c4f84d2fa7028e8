package eu.rathaus.catalogue.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns {@link Problem}s into text in the citizen's or administrator's language.
 *
 * <p>German is the default: the base bundle is German, and the lookup never falls back to the JVM's
 * default locale (a server started with an English default must still answer German users in
 * German). A key missing from the bundles is shown as the key itself, so a forgotten translation is
 * visible instead of an exception on a citizen's page.
 */
public final class CatalogueMessages {

  public static final String BUNDLE = "eu.rathaus.catalogue.messages";

  private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private CatalogueMessages() {}

  public static String format(Problem problem, Locale locale) {
    return format(problem.messageKey(), locale, problem.args().toArray());
  }

  public static String format(String key, Locale locale, Object... args) {
    Locale effective =
        locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, NO_DEFAULT_LOCALE_FALLBACK);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return new MessageFormat(pattern, effective).format(args);
  }
}
