package eu.rathaus.attachments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.attachments.domain.KeyUnavailableException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreKeyProviderTest {

  private static final char[] PASSWORD = "test-password".toCharArray();

  @TempDir Path dir;

  /** Same shape as the launcher's keystore: PKCS#12 with one AES-256 secret key entry. */
  static Path keystore(Path dir, String alias) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    store.setEntry(
        alias,
        new KeyStore.SecretKeyEntry(generator.generateKey()),
        new KeyStore.PasswordProtection(PASSWORD));
    Path file = dir.resolve("master.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }
    return file;
  }

  @Test
  void wrapsAndUnwrapsADataKeyBoundToItsMunicipality() throws Exception {
    KeystoreKeyProvider provider =
        new KeystoreKeyProvider(keystore(dir, "rathaus-master-1"), PASSWORD, null);
    assertThat(provider.problem()).isNull();
    byte[] dataKey = new byte[32];
    new java.security.SecureRandom().nextBytes(dataKey);
    UUID municipality = UUID.randomUUID();
    byte[] wrapped = provider.wrap(dataKey, AesGcm.dataKeyContext(municipality, 1));
    assertThat(wrapped).hasSize(12 + 32 + 16);
    assertThat(provider.currentMasterKeyId()).isEqualTo("keystore:rathaus-master-1");
    assertThat(
            provider.unwrap(
                provider.currentMasterKeyId(), wrapped, AesGcm.dataKeyContext(municipality, 1)))
        .isEqualTo(dataKey);
    assertThatThrownBy(
            () ->
                provider.unwrap(
                    provider.currentMasterKeyId(),
                    wrapped,
                    AesGcm.dataKeyContext(UUID.randomUUID(), 1)))
        .isInstanceOf(KeyUnavailableException.class);
    wrapped[20] ^= 1;
    assertThatThrownBy(
            () ->
                provider.unwrap(
                    provider.currentMasterKeyId(), wrapped, AesGcm.dataKeyContext(municipality, 1)))
        .isInstanceOf(KeyUnavailableException.class);
  }

  @Test
  void anotherKeystoreCannotUnwrap() throws Exception {
    Path one = Files.createDirectory(dir.resolve("one"));
    Path two = Files.createDirectory(dir.resolve("two"));
    KeystoreKeyProvider a =
        new KeystoreKeyProvider(keystore(one, "rathaus-master-1"), PASSWORD, null);
    KeystoreKeyProvider b =
        new KeystoreKeyProvider(keystore(two, "rathaus-master-1"), PASSWORD, null);
    byte[] context = AesGcm.dataKeyContext(UUID.randomUUID(), 1);
    byte[] wrapped = a.wrap(new byte[32], context);
    assertThatThrownBy(() -> b.unwrap(b.currentMasterKeyId(), wrapped, context))
        .isInstanceOf(KeyUnavailableException.class);
  }

  @Test
  void saysWhyItCannotWork() throws Exception {
    assertThat(new KeystoreKeyProvider(null, PASSWORD, null).problem())
        .contains("RATHAUS_KEYSTORE");
    assertThat(new KeystoreKeyProvider(dir.resolve("missing.p12"), PASSWORD, null).problem())
        .contains("does not exist");
    Path file = keystore(dir, "rathaus-master-1");
    assertThat(new KeystoreKeyProvider(file, "wrong".toCharArray(), null).problem())
        .contains("cannot be opened");
    assertThat(new KeystoreKeyProvider(file, PASSWORD, "other-alias").problem())
        .contains("no AES key");
    assertThat(new KeystoreKeyProvider(file, null, null).problem())
        .contains("RATHAUS_KEYSTORE_PASSWORD");
  }
}
