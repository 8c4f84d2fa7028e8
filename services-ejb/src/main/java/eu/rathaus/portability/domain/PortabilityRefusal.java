package eu.rathaus.portability.domain;

/**
 * An export, import or erasure refused for a reason the operator can act on; the message says what
 * and why in German and English, and nothing has been changed.
 */
public class PortabilityRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PortabilityRefusal(String message) {
    super(message);
  }

  public PortabilityRefusal(String message, Throwable cause) {
    super(message, cause);
  }
}
