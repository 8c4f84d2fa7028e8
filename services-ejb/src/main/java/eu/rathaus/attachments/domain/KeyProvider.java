package eu.rathaus.attachments.domain;

/**
 * The master key, behind an interface so that production can keep it in an HSM or a cloud KMS where
 * it never leaves the device: the portal only ever asks to wrap or unwrap a data key.
 *
 * <p>The default implementation reads a PKCS#12 keystore file ({@code RATHAUS_KEYSTORE}). Another
 * implementation is plugged in as a CDI bean of this type annotated
 * {@code @Alternative @Priority(...)} in its own jar (see the README, "Encryption at rest").
 *
 * <p>{@code context} is bound to the wrapped key (associated data, or the KMS "encryption
 * context"): a wrapped key copied to another municipality's row no longer unwraps.
 */
public interface KeyProvider {

  /** Identifies the master key that {@link #wrap} uses now; stored beside each wrapped key. */
  String currentMasterKeyId();

  /** Encrypts a data key with the current master key. */
  byte[] wrap(byte[] dataKey, byte[] context);

  /**
   * Decrypts a data key wrapped by the given master key.
   *
   * @throws KeyUnavailableException if the master key is missing or the wrapped key was altered
   */
  byte[] unwrap(String masterKeyId, byte[] wrappedKey, byte[] context);

  /** Why this provider cannot work (not configured, unreadable), or null if it can. */
  String problem();
}
