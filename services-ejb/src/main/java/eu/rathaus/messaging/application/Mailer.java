package eu.rathaus.messaging.application;

/** Delivers one plain-text mail; throws when the mail server does not accept it. */
public interface Mailer {

  void send(String to, String subject, String body) throws Exception;

  /** The same with one file attached; without a file it is the plain mail. */
  default void send(String to, String subject, String body, NoticeTexts.Attachment attachment)
      throws Exception {
    if (attachment != null) {
      throw new UnsupportedOperationException("this mailer sends no attachments");
    }
    send(to, subject, body);
  }
}
