package eu.rathaus.messaging.application;

/** Delivers one plain-text mail; throws when the mail server does not accept it. */
public interface Mailer {

  void send(String to, String subject, String body) throws Exception;
}
