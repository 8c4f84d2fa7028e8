package eu.rathaus.payments.domain;

/**
 * A statement file that is not imported at all, with the reason the page explains. Thrown before
 * anything is stored, or inside the import's transaction so that it rolls back.
 */
public class StatementRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why; each has a message under {@code treasury.import.refused.<name>} in the web bundle. */
  public enum Reason {
    /** No file or an empty one. */
    EMPTY_FILE,
    /** Larger than the import accepts. */
    TOO_LARGE,
    /** Not well-formed XML. */
    MALFORMED,
    /** A DOCTYPE, entity declarations or external references: refused without resolving them. */
    UNSAFE_XML,
    /** Well-formed, but no camt.053 in a supported version. */
    WRONG_MESSAGE,
    /** A camt.053 without statements or without entries. */
    NO_ENTRIES,
    /** The statement is for an account other than the municipality's payee account. */
    WRONG_ACCOUNT,
    /** The municipality has no payee account configured. */
    NO_PAYEE_ACCOUNT,
    /** This statement (same identity or same file) was imported before. */
    ALREADY_IMPORTED
  }

  private final Reason reason;

  public StatementRefused(Reason reason, String detail) {
    super(reason + (detail == null ? "" : ": " + detail));
    this.reason = reason;
  }

  public StatementRefused(Reason reason, String detail, Throwable cause) {
    super(reason + (detail == null ? "" : ": " + detail), cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
