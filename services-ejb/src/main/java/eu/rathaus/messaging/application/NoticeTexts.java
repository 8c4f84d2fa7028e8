package eu.rathaus.messaging.application;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a template key and its parameters into the subject and text of a mail. Implemented by the
 * web module, where all user-facing text lives (its message bundle), so wording is translated and
 * reviewed in one place.
 */
public interface NoticeTexts {

  /** A file sent along (e.g. an appointment's calendar file); its bytes as given. */
  record Attachment(String fileName, String contentType, byte[] bytes) {}

  /** A rendered notice, optionally with one attachment. */
  record Notice(String subject, String body, Attachment attachment) {

    public Notice(String subject, String body) {
      this(subject, body, null);
    }
  }

  Notice render(String templateKey, Map<String, String> parameters, Locale locale);
}
