package eu.rathaus.launcher;

/**
 * A start or stop failure whose message is already the one clear sentence for the console; the
 * cause stays attached for the log, but the user is never shown a stack trace for an expected
 * problem such as a busy port.
 */
public class StackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
