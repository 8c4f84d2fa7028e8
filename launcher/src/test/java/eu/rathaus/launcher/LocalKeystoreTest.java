package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeystoreTest {

  @TempDir Path dataDir;

  @Test
  void createsAnAes256MasterKeyOnceInTheDataFolderReadableOnlyByItsOwner() throws Exception {
    StackConfig config =
        StackConfig.fromEnvironment(
            Path.of("/project"), Map.of("RATHAUS_DATA_DIR", dataDir.toString()));
    assertThat(config.keystorePath()).isEqualTo(dataDir.resolve("keys/rathaus-master.p12"));

    assertThat(LocalKeystore.ensure(config)).isTrue();
    byte[] first = Files.readAllBytes(config.keystorePath());
    assertThat(LocalKeystore.ensure(config)).isFalse();
    assertThat(Files.readAllBytes(config.keystorePath())).isEqualTo(first);

    KeyStore store = KeyStore.getInstance("PKCS12");
    char[] password = StackConfig.DEFAULT_KEYSTORE_PASSWORD.toCharArray();
    try (InputStream in = Files.newInputStream(config.keystorePath())) {
      store.load(in, password);
    }
    Key key = store.getKey(LocalKeystore.ALIAS, password);
    assertThat(key.getAlgorithm()).isEqualTo("AES");
    assertThat(key.getEncoded()).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.keystorePath())))
        .isEqualTo("rw-------");
  }

  @Test
  void pathAndPasswordComeFromTheEnvironment() {
    StackConfig config =
        StackConfig.fromEnvironment(
            Path.of("/project"),
            Map.of(
                "RATHAUS_KEYSTORE", "/secrets/master.p12", "RATHAUS_KEYSTORE_PASSWORD", "s3cret"));
    assertThat(config.keystorePath()).isEqualTo(Path.of("/secrets/master.p12"));
    assertThat(config.keystorePassword()).isEqualTo("s3cret");
  }
}
