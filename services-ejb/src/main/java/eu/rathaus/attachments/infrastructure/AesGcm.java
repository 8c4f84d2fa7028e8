package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.AttachmentTamperedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a fresh random 96-bit nonce per message and a 128-bit tag.
 *
 * <p>Why random nonces are safe here: a data key seals at most a few million attachments, far below
 * the 2^32 messages after which random 96-bit nonces risk a collision. The associated data binds
 * the ciphertext to its row (attachment id and municipality), so ciphertext copied into another
 * row, or another municipality, fails to open instead of decrypting under the wrong owner.
 */
public final class AesGcm {

  public static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AesGcm() {}

  /** Nonce and ciphertext (with the tag appended, as the JDK produces it). */
  public record Sealed(byte[] nonce, byte[] ciphertext) {}

  public static Sealed seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return new Sealed(nonce, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /**
   * Decrypts and authenticates.
   *
   * @throws AttachmentTamperedException if the tag does not match (altered ciphertext, nonce or
   *     associated data, or the wrong key); no plaintext is returned in that case
   */
  public static byte[] open(SecretKey key, byte[] nonce, byte[] ciphertext, byte[] associatedData) {
    if (nonce == null
        || nonce.length != NONCE_BYTES
        || ciphertext == null
        || ciphertext.length < TAG_BITS / 8) {
      throw new AttachmentTamperedException("Sealed data is malformed", null);
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new AttachmentTamperedException(
          "Authentication tag does not match: the stored data was altered", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /** Associated data of an attachment: its id and municipality, versioned for later changes. */
  public static byte[] attachmentContext(UUID attachmentId, UUID municipalityId) {
    return ("rathaus-attachment:v1|" + attachmentId + "|" + municipalityId)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Associated data of a wrapped data key: the municipality and key version it belongs to. */
  public static byte[] dataKeyContext(UUID municipalityId, int keyVersion) {
    return ("rathaus-data-key:v1|" + municipalityId + "|" + keyVersion)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Associated data of a wrapped file key (V53): the key's id and its municipality. */
  public static byte[] fileKeyContext(UUID fileKeyId, UUID municipalityId) {
    return ("rathaus-file-key:v1|" + fileKeyId + "|" + municipalityId)
        .getBytes(StandardCharsets.UTF_8);
  }
}
