package eu.rathaus.messaging.infrastructure;

import eu.rathaus.messaging.application.Mailer;
import eu.rathaus.messaging.application.NoticeTexts;
import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends through the server's mail session {@code java:jboss/mail/Rathaus} (SMTP host and port from
 * {@code SMTP_HOST}/{@code SMTP_PORT}, see configure-server.cli). Time-outs are added, so a mail
 * server that accepts the connection and then hangs cannot hold a sender thread forever.
 */
@ApplicationScoped
public class SmtpMailer implements Mailer {

  private static final String TIMEOUT_MILLIS = "15000";

  @Resource(lookup = "java:jboss/mail/Rathaus")
  Session session;

  /**
   * The server's session with the time-outs, made once: building a {@link Session} reads Jakarta
   * Mail's provider files through the class loader, which made it the costliest part of sending a
   * confirmation (issue 16, P1 profile). Sessions are thread-safe.
   */
  private volatile Session withTimeouts;

  @Override
  public void send(String to, String subject, String body) throws Exception {
    send(to, subject, body, null);
  }

  @Override
  public void send(String to, String subject, String body, NoticeTexts.Attachment attachment)
      throws Exception {
    Session mail = sessionWithTimeouts();
    MimeMessage message = new MimeMessage(mail);
    String from = mail.getProperty("mail.from");
    if (from != null && !from.isBlank()) {
      message.setFrom(new InternetAddress(from));
    } else {
      message.setFrom();
    }
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    if (attachment == null) {
      message.setText(body, StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, StandardCharsets.UTF_8.name());
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(
          new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.contentType())));
      file.setFileName(attachment.fileName());
      message.setContent(new MimeMultipart(text, file));
    }
    message.setSentDate(new Date());
    Transport.send(message);
  }

  private Session sessionWithTimeouts() {
    Session s = withTimeouts;
    if (s == null) {
      Properties properties = new Properties();
      properties.putAll(session.getProperties());
      properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
      properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
      properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
      // If the server's session was built without plain properties, use it unchanged rather than
      // guess.
      s = properties.containsKey("mail.smtp.host") ? Session.getInstance(properties) : session;
      withTimeouts = s;
    }
    return s;
  }
}
