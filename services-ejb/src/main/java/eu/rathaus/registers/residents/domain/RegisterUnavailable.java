package eu.rathaus.registers.residents.domain;

/**
 * The resident register could not be read: an external register service did not answer in time,
 * refused the portal's credentials, answered with an error or with something unreadable, or lies
 * outside the installation's residency policy. Unchecked, so the caller's transaction rolls back
 * and nothing is half-written; the web layer shows a clear message instead of an error page.
 */
public class RegisterUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why, for the operators' log (the citizen sees one general message). */
  public enum Cause {
    UNREACHABLE,
    TIMEOUT,
    REFUSED_CREDENTIALS,
    ERROR_ANSWER,
    UNREADABLE_ANSWER,
    OUTSIDE_RESIDENCY
  }

  private final Cause cause;

  public RegisterUnavailable(Cause cause, String detail) {
    super("resident register service unavailable (" + cause + "): " + detail);
    this.cause = cause;
  }

  public RegisterUnavailable(Cause cause, String detail, Throwable reason) {
    super("resident register service unavailable (" + cause + "): " + detail, reason);
    this.cause = cause;
  }

  public Cause reason() {
    return cause;
  }
}
