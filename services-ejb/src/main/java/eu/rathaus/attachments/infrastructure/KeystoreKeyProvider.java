package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.KeyProvider;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * The default {@link KeyProvider}: master AES keys in a PKCS#12 keystore file outside the WAR and
 * the repository ({@code RATHAUS_KEYSTORE}, password {@code RATHAUS_KEYSTORE_PASSWORD}).
 *
 * <p>The keystore is not created here: a portal that silently made itself a new master key would
 * lose every attachment the moment a volume is not mounted. The launcher creates one for local runs
 * and tests; production provides it (or plugs an HSM/KMS provider instead).
 *
 * <p>Key ids are {@code keystore:<alias>}; the current alias is {@code RATHAUS_KEYSTORE_ALIAS}
 * (default {@code rathaus-master-1}). Rotation: add a new alias, make it current, keep the old one
 * until every data key is re-wrapped. Wrapping is AES-GCM with the data key's identity as
 * associated data.
 */
public final class KeystoreKeyProvider implements KeyProvider {

  public static final String DEFAULT_ALIAS = "rathaus-master-1";
  private static final String PREFIX = "keystore:";

  private final Path path;
  private final char[] password;
  private final String currentAlias;
  private volatile KeyStore loaded;

  public KeystoreKeyProvider(Path path, char[] password, String currentAlias) {
    this.path = path;
    this.password = password == null ? null : password.clone();
    this.currentAlias = currentAlias == null ? DEFAULT_ALIAS : currentAlias;
  }

  @Override
  public String currentMasterKeyId() {
    return PREFIX + currentAlias;
  }

  @Override
  public byte[] wrap(byte[] dataKey, byte[] context) {
    AesGcm.Sealed sealed = AesGcm.seal(masterKey(currentAlias), dataKey, context);
    return ByteBuffer.allocate(sealed.nonce().length + sealed.ciphertext().length)
        .put(sealed.nonce())
        .put(sealed.ciphertext())
        .array();
  }

  @Override
  public byte[] unwrap(String masterKeyId, byte[] wrappedKey, byte[] context) {
    if (masterKeyId == null || !masterKeyId.startsWith(PREFIX)) {
      throw new KeyUnavailableException(
          "Master key " + masterKeyId + " is not held by this keystore");
    }
    if (wrappedKey == null || wrappedKey.length <= AesGcm.NONCE_BYTES) {
      throw new KeyUnavailableException("Wrapped data key is malformed");
    }
    byte[] nonce = Arrays.copyOfRange(wrappedKey, 0, AesGcm.NONCE_BYTES);
    byte[] ciphertext = Arrays.copyOfRange(wrappedKey, AesGcm.NONCE_BYTES, wrappedKey.length);
    try {
      return AesGcm.open(
          masterKey(masterKeyId.substring(PREFIX.length())), nonce, ciphertext, context);
    } catch (AttachmentTamperedException e) {
      throw new KeyUnavailableException(
          "Wrapped data key does not unwrap (altered, or another master key)", e);
    }
  }

  @Override
  public String problem() {
    try {
      masterKey(currentAlias);
      return null;
    } catch (KeyUnavailableException e) {
      return e.getMessage();
    }
  }

  private SecretKey masterKey(String alias) {
    try {
      Key key = keyStore().getKey(alias, password);
      if (!(key instanceof SecretKey secret) || !"AES".equalsIgnoreCase(secret.getAlgorithm())) {
        throw new KeyUnavailableException(
            "Keystore " + path + " has no AES key under alias " + alias);
      }
      return secret;
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailableException(
          "Key " + alias + " in " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  private KeyStore keyStore() {
    KeyStore store = loaded;
    if (store != null) {
      return store;
    }
    if (path == null) {
      throw new KeyUnavailableException("RATHAUS_KEYSTORE is not set");
    }
    if (password == null) {
      throw new KeyUnavailableException("RATHAUS_KEYSTORE_PASSWORD is not set");
    }
    if (!Files.isRegularFile(path)) {
      throw new KeyUnavailableException("Keystore " + path + " does not exist");
    }
    synchronized (this) {
      if (loaded == null) {
        try (InputStream in = Files.newInputStream(path)) {
          KeyStore ks = KeyStore.getInstance("PKCS12");
          ks.load(in, password);
          loaded = ks;
        } catch (IOException | GeneralSecurityException e) {
          throw new KeyUnavailableException(
              "Keystore " + path + " cannot be opened: " + e.getMessage(), e);
        }
      }
      return loaded;
    }
  }
}
