package eu.rathaus.web.applications;

import eu.rathaus.messaging.application.NoticeTexts;
import eu.rathaus.tenancy.application.PortalAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Mail texts from the web bundle ({@code <template key>.subject|body}), so notices are worded and
 * translated with the rest of the portal. Parameters are named in the outbox row; the bodies use
 * {0} for the reference number, {1} for the portal's address and {2} for a mailbox thread's address
 * (the {@code thread} parameter).
 */
@ApplicationScoped
public class WebNoticeTexts implements NoticeTexts {

  @Inject PortalAddress portal;

  @Override
  public Notice render(String templateKey, Map<String, String> parameters, Locale locale) {
    ResourceBundle msg =
        ResourceBundle.getBundle(
            ReceiptPdf.BUNDLE,
            "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    try {
      Object[] args = {
        parameters.getOrDefault("reference", ""),
        portal.baseUrl() + "/citizen/applications.xhtml",
        portal.baseUrl() + "/citizen/thread.xhtml?id=" + parameters.getOrDefault("thread", "")
      };
      return new Notice(
          MessageFormat.format(msg.getString(templateKey + ".subject"), args),
          MessageFormat.format(msg.getString(templateKey + ".body"), args));
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("Unknown mail template " + templateKey, e);
    }
  }
}
