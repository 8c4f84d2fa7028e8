package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.FileShreddedException;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key per file or notice, wrapped by the municipality's data key (issue 15,
 * crypto-shredding). Destroying the one wrapped file key makes that file unreadable in every copy
 * of its ciphertext, while the municipality's other files stay readable. Rows sealed before V53
 * carry no file key and are opened with the municipality's data key as before (the migration path:
 * nothing has to be re-encrypted at once).
 */
@ApplicationScoped
public class FileKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject DataKeyRing keyRing;
  @Inject FileKeyTable table;

  /** What a sealed file row stores: its file key, the municipality key's version, the bytes. */
  public record Sealed(UUID fileKeyId, int keyVersion, byte[] nonce, byte[] ciphertext) {}

  /**
   * Seals {@code plaintext} under a new file key; the wrapped key is stored (committed on its own)
   * before the caller writes its row.
   */
  public Sealed seal(UUID municipalityId, byte[] plaintext, byte[] associatedData) {
    DataKeyRing.DataKey municipalityKey = keyRing.current(municipalityId);
    UUID keyId = UUID.randomUUID();
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    try {
      AesGcm.Sealed wrapped =
          AesGcm.seal(municipalityKey.key(), raw, AesGcm.fileKeyContext(keyId, municipalityId));
      table.insert(
          keyId, municipalityId, municipalityKey.version(), wrapped.nonce(), wrapped.ciphertext());
      AesGcm.Sealed sealed = AesGcm.seal(new SecretKeySpec(raw, "AES"), plaintext, associatedData);
      return new Sealed(keyId, municipalityKey.version(), sealed.nonce(), sealed.ciphertext());
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Opens a sealed row: with its file key if it has one, else (sealed before V53) with the
   * municipality's data key of {@code keyVersion}.
   *
   * @throws FileShreddedException if the file key was destroyed by an erasure
   */
  public byte[] open(
      UUID municipalityId,
      UUID fileKeyId,
      int keyVersion,
      byte[] nonce,
      byte[] ciphertext,
      byte[] associatedData) {
    if (fileKeyId == null) {
      return AesGcm.open(
          keyRing.forVersion(municipalityId, keyVersion), nonce, ciphertext, associatedData);
    }
    FileKeyTable.StoredFileKey stored =
        table
            .find(fileKeyId)
            .filter(k -> k.municipalityId().equals(municipalityId))
            .orElseThrow(() -> new KeyUnavailableException("No file key " + fileKeyId));
    if (stored.shredded()) {
      throw new FileShreddedException("The file was erased: its key " + fileKeyId + " is gone");
    }
    byte[] raw =
        AesGcm.open(
            keyRing.forVersion(municipalityId, stored.keyVersion()),
            stored.nonce(),
            stored.wrapped(),
            AesGcm.fileKeyContext(fileKeyId, municipalityId));
    try {
      SecretKey fileKey = new SecretKeySpec(raw, "AES");
      return AesGcm.open(fileKey, nonce, ciphertext, associatedData);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }
}
