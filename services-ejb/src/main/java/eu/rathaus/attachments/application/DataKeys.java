package eu.rathaus.attachments.application;

import eu.rathaus.attachments.infrastructure.AesGcm;
import eu.rathaus.attachments.infrastructure.DataKeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Lets a use case make sure its municipality's data key exists before it starts sealing files. The
 * key is created on first use in a transaction of its own that appends to the audit chain; a use
 * case that already wrote to the same chain (and so holds its head row) must not trigger that
 * half-way, or the two transactions wait for each other.
 */
@ApplicationScoped
public class DataKeys {

  @Inject DataKeyRing keyRing;

  public void ensure(UUID municipalityId) {
    keyRing.current(municipalityId);
  }

  /** Bytes sealed with a municipality's data key of {@code keyVersion}. */
  public record Sealed(int keyVersion, byte[] nonce, byte[] ciphertext) {}

  /**
   * Seals {@code plaintext} with the municipality's current data key (AES-GCM, the same envelope as
   * attachments) for other capabilities' documents; {@code associatedData} binds it to its row.
   */
  public Sealed seal(UUID municipalityId, byte[] plaintext, byte[] associatedData) {
    DataKeyRing.DataKey key = keyRing.current(municipalityId);
    AesGcm.Sealed sealed = AesGcm.seal(key.key(), plaintext, associatedData);
    return new Sealed(key.version(), sealed.nonce(), sealed.ciphertext());
  }

  /**
   * The associated data a municipality's data key of {@code keyVersion} is wrapped with by the
   * {@code KeyProvider}: for tools that move wrapped keys between master keys (portability).
   */
  public static byte[] wrappingContext(UUID municipalityId, int keyVersion) {
    return AesGcm.dataKeyContext(municipalityId, keyVersion);
  }

  /** Opens what {@link #seal} sealed; fails if the bytes or their associated data were changed. */
  public byte[] open(
      UUID municipalityId, int keyVersion, byte[] nonce, byte[] ciphertext, byte[] associatedData) {
    return AesGcm.open(
        keyRing.forVersion(municipalityId, keyVersion), nonce, ciphertext, associatedData);
  }
}
