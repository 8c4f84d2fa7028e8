package eu.rathaus.attachments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.attachments.domain.AttachmentTamperedException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmTest {

  private static SecretKey key() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return new SecretKeySpec(raw, "AES");
  }

  private final SecretKey key = key();
  private final UUID id = UUID.randomUUID();
  private final UUID municipality = UUID.randomUUID();
  private final byte[] aad = AesGcm.attachmentContext(id, municipality);

  @Test
  void roundTripGivesTheExactBytesAndTheCiphertextIsNotThePlaintext() {
    byte[] plain = Samples.pdf();
    AesGcm.Sealed sealed = AesGcm.seal(key, plain, aad);
    assertThat(sealed.nonce()).hasSize(12);
    assertThat(sealed.ciphertext()).hasSize(plain.length + 16).isNotEqualTo(plain);
    assertThat(AesGcm.open(key, sealed.nonce(), sealed.ciphertext(), aad)).isEqualTo(plain);
  }

  @Test
  void everySealUsesAFreshNonce() {
    byte[] plain = Samples.png();
    AesGcm.Sealed a = AesGcm.seal(key, plain, aad);
    AesGcm.Sealed b = AesGcm.seal(key, plain, aad);
    assertThat(a.nonce()).isNotEqualTo(b.nonce());
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
  }

  @Test
  void aFlippedBitIsDetected() {
    AesGcm.Sealed sealed = AesGcm.seal(key, Samples.pdf(), aad);
    byte[] altered = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length);
    altered[5] ^= 0x01;
    assertThatThrownBy(() -> AesGcm.open(key, sealed.nonce(), altered, aad))
        .isInstanceOf(AttachmentTamperedException.class);
  }

  @Test
  void anotherRowsIdentityOrKeyDoesNotOpen() {
    AesGcm.Sealed sealed = AesGcm.seal(key, Samples.pdf(), aad);
    byte[] otherRow = AesGcm.attachmentContext(UUID.randomUUID(), municipality);
    byte[] otherMunicipality = AesGcm.attachmentContext(id, UUID.randomUUID());
    assertThatThrownBy(() -> AesGcm.open(key, sealed.nonce(), sealed.ciphertext(), otherRow))
        .isInstanceOf(AttachmentTamperedException.class);
    assertThatThrownBy(
            () -> AesGcm.open(key, sealed.nonce(), sealed.ciphertext(), otherMunicipality))
        .isInstanceOf(AttachmentTamperedException.class);
    assertThatThrownBy(() -> AesGcm.open(key(), sealed.nonce(), sealed.ciphertext(), aad))
        .isInstanceOf(AttachmentTamperedException.class);
  }

  @Test
  void malformedInputIsTamperingNotACrash() {
    assertThatThrownBy(() -> AesGcm.open(key, new byte[3], new byte[40], aad))
        .isInstanceOf(AttachmentTamperedException.class);
    assertThatThrownBy(() -> AesGcm.open(key, new byte[12], new byte[4], aad))
        .isInstanceOf(AttachmentTamperedException.class);
  }
}
