package eu.rathaus.attachments.domain;

/**
 * The key needed to seal or open an attachment cannot be had: the master key is not configured or
 * not readable, or a wrapped key does not unwrap. Never carries key material in its message.
 */
public class KeyUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeyUnavailableException(String message) {
    super(message);
  }

  public KeyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
