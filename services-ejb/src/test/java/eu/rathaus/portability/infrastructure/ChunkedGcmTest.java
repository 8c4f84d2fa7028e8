package eu.rathaus.portability.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.portability.domain.PortabilityRefusal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ChunkedGcmTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKey key = new SecretKeySpec(random(32), "AES");
  private final byte[] prefix = random(8);

  @Test
  void roundTripOfEmptySmallAndMultiChunkPayloads() throws IOException {
    for (int size :
        new int[] {0, 1, ChunkedGcm.CHUNK, ChunkedGcm.CHUNK + 1, 3 * ChunkedGcm.CHUNK - 7}) {
      byte[] plain = random(size);
      assertThat(decrypt(encrypt(plain))).as("size " + size).isEqualTo(plain);
    }
  }

  @Test
  void aChangedByteIsRefused() throws IOException {
    byte[] sealed = encrypt(random(2 * ChunkedGcm.CHUNK));
    sealed[sealed.length / 2] ^= 1;
    assertThatThrownBy(() -> decrypt(sealed)).isInstanceOf(PortabilityRefusal.class);
  }

  @Test
  void aPayloadCutAfterAFullChunkIsRefused() throws IOException {
    byte[] sealed = encrypt(random(2 * ChunkedGcm.CHUNK + 10));
    // Keep exactly the first frame: a complete, authentic chunk that is not marked final.
    int first = 5 + ChunkedGcm.CHUNK + 16;
    assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, first)))
        .isInstanceOf(PortabilityRefusal.class);
    // Setting its final flag does not help: the flag is authenticated.
    byte[] forged = Arrays.copyOf(sealed, first);
    forged[0] = 1;
    assertThatThrownBy(() -> decrypt(forged)).isInstanceOf(PortabilityRefusal.class);
  }

  @Test
  void anotherKeyOrPrefixOpensNothing() throws IOException {
    byte[] sealed = encrypt(random(100));
    SecretKey other = new SecretKeySpec(random(32), "AES");
    assertThatThrownBy(
            () ->
                ChunkedGcm.decrypting(new ByteArrayInputStream(sealed), other, prefix)
                    .readAllBytes())
        .isInstanceOf(PortabilityRefusal.class);
    assertThatThrownBy(
            () ->
                ChunkedGcm.decrypting(new ByteArrayInputStream(sealed), key, random(8))
                    .readAllBytes())
        .isInstanceOf(PortabilityRefusal.class);
  }

  private byte[] encrypt(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream encrypting = ChunkedGcm.encrypting(out, key, prefix)) {
      encrypting.write(plain);
    }
    return out.toByteArray();
  }

  private byte[] decrypt(byte[] sealed) throws IOException {
    try (InputStream in = ChunkedGcm.decrypting(new ByteArrayInputStream(sealed), key, prefix)) {
      return in.readAllBytes();
    }
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
