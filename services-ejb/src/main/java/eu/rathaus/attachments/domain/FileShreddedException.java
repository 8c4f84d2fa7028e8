package eu.rathaus.attachments.domain;

/**
 * The file's own data key was destroyed by an erasure (crypto-shredding): its ciphertext, wherever
 * a copy survives, can no longer be opened by anyone.
 */
public class FileShreddedException extends KeyUnavailableException {

  private static final long serialVersionUID = 1L;

  public FileShreddedException(String message) {
    super(message);
  }
}
