package eu.rathaus.messaging.application;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a template key and its parameters into the subject and text of a mail. Implemented by the
 * web module, where all user-facing text lives (its message bundle), so wording is translated and
 * reviewed in one place.
 */
public interface NoticeTexts {

  /** A rendered notice. */
  record Notice(String subject, String body) {}

  Notice render(String templateKey, Map<String, String> parameters, Locale locale);
}
