package eu.rathaus.attachments.domain;

/**
 * The stored ciphertext of an attachment does not authenticate (AES-GCM tag mismatch): someone or
 * something changed the bytes, the nonce or the row's identity. The download is refused instead of
 * handing out garbage.
 */
public class AttachmentTamperedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AttachmentTamperedException(String message, Throwable cause) {
    super(message, cause);
  }
}
