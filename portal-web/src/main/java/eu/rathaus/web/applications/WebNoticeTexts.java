package eu.rathaus.web.applications;

import eu.rathaus.appointments.application.AppointmentCalendar;
import eu.rathaus.appointments.application.Appointments;
import eu.rathaus.messaging.application.NoticeTexts;
import eu.rathaus.tenancy.application.PortalAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Mail texts from the web bundle ({@code <template key>.subject|body}), so notices are worded and
 * translated with the rest of the portal. Parameters are named in the outbox row; the bodies use
 * {0} for the reference number, {1} for the portal's address and {2} for a mailbox thread's address
 * (the {@code thread} parameter), {3} and {4} for an appointment's manage and confirm links (the
 * {@code token} parameter).
 */
@ApplicationScoped
public class WebNoticeTexts implements NoticeTexts {

  @Inject PortalAddress portal;
  @Inject AppointmentCalendar calendars;

  @Override
  public Notice render(String templateKey, Map<String, String> parameters, Locale locale) {
    ResourceBundle msg =
        ResourceBundle.getBundle(
            ReceiptPdf.BUNDLE,
            "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    try {
      String token = parameters.getOrDefault("token", "");
      Object[] args = {
        parameters.getOrDefault("reference", ""),
        portal.baseUrl() + "/citizen/applications.xhtml",
        portal.baseUrl() + "/citizen/thread.xhtml?id=" + parameters.getOrDefault("thread", ""),
        portal.baseUrl() + "/appointments/manage.xhtml?token=" + token,
        portal.baseUrl() + "/appointments/confirm.xhtml?token=" + token
      };
      // A booked appointment's mail carries its calendar file (built when sent, from the link).
      NoticeTexts.Attachment calendar =
          Appointments.MAIL_BOOKED.equals(templateKey)
              ? calendars
                  .icsForMail(token)
                  .map(
                      ics ->
                          new NoticeTexts.Attachment(
                              "termin.ics",
                              "text/calendar; charset=UTF-8; method=PUBLISH",
                              ics.getBytes(StandardCharsets.UTF_8)))
                  .orElse(null)
              : null;
      return new Notice(
          MessageFormat.format(msg.getString(templateKey + ".subject"), args),
          MessageFormat.format(msg.getString(templateKey + ".body"), args),
          calendar);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("Unknown mail template " + templateKey, e);
    }
  }
}
