package eu.rathaus.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  // The example of the Standard Webhooks specification's reference libraries (secret, id,
  // timestamp, body and the signature they compute), so receivers using them accept ours.
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330L;
  private static final String BODY = "{\"test\": 2432232314}";
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void signsLikeTheSpecificationsReferenceLibraries() {
    assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
  }

  @Test
  void verifiesItsOwnAndAmongSeveralSignaturesAndRefusesChanges() {
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE)).isTrue();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, "v1,AAAA " + SIGNATURE))
        .isTrue();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY + " ", SIGNATURE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, SIGNATURE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "msg_other", TIMESTAMP, BODY, SIGNATURE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, "v2,not-base64!")).isFalse();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, null)).isFalse();
  }

  @Test
  void duringARotationBothSecretsSignAndEachVerifiesOnItsOwn() {
    String rotated = WebhookSignature.newSecret();
    String header = WebhookSignature.sign(List.of(rotated, SECRET), ID, TIMESTAMP, BODY);

    assertThat(header.split(" "))
        .containsExactly(WebhookSignature.sign(rotated, ID, TIMESTAMP, BODY), SIGNATURE);
    assertThat(WebhookSignature.verify(rotated, ID, TIMESTAMP, BODY, header))
        .as("a receiver that switched already")
        .isTrue();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, header))
        .as("a receiver that still has the old secret")
        .isTrue();
    assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), ID, TIMESTAMP, BODY, header))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY + "x", header)).isFalse();
    assertThat(WebhookSignature.sign(List.of(SECRET), ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    assertThatThrownBy(() -> WebhookSignature.sign(List.of(), ID, TIMESTAMP, BODY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePreviousSecretSignsOnlyUntilTheEndOfTheGracePeriod() {
    Instant until = Instant.parse("2026-12-08T12:00:00Z");
    DueDelivery d =
        new DueDelivery(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "https://x.localhost/",
            "sealed:v1:a",
            "sealed:v1:b",
            until,
            "{}",
            0);
    assertThat(d.previousValidAt(until.minusSeconds(1))).isTrue();
    assertThat(d.previousValidAt(until)).isFalse();
    assertThat(
            new DueDelivery(
                    d.id(),
                    d.municipalityId(),
                    d.subscriptionId(),
                    d.url(),
                    d.secret(),
                    null,
                    null,
                    "{}",
                    0)
                .previousValidAt(until.minusSeconds(1)))
        .isFalse();
    assertThat(d.toString()).doesNotContain("sealed");
  }

  @Test
  void aSealedSecretIsWrittenAndReadAsOneTextValueThatIsNeverThePlainSecret() {
    UUID key = UUID.randomUUID();
    SealedSecret s = new SealedSecret(key, 3, new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 7});
    String text = s.toText();
    assertThat(text).startsWith("sealed:v1:" + key + ":3:");
    assertThat(SealedSecret.isSealed(text)).isTrue();
    assertThat(SealedSecret.isSealed(SECRET)).isFalse();
    SealedSecret read = SealedSecret.parse(text);
    assertThat(read.fileKeyId()).isEqualTo(key);
    assertThat(read.keyVersion()).isEqualTo(3);
    assertThat(read.nonce()).containsExactly(1, 2, 3);
    assertThat(read.ciphertext()).containsExactly(4, 5, 6, 7);
    assertThatThrownBy(() -> SealedSecret.parse(SECRET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SealedSecret.parse("sealed:v1:x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SealedSecret.context(key, key))
        .isNotEqualTo(SealedSecret.context(key, UUID.randomUUID()));
  }

  @Test
  void aNewSecretIs32RandomBytesWithThePrefix() {
    String a = WebhookSignature.newSecret();
    String b = WebhookSignature.newSecret();
    assertThat(a).startsWith("whsec_").isNotEqualTo(b);
    assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
    String signed = WebhookSignature.sign(a, "id", 1, "{}");
    assertThat(WebhookSignature.verify(a, "id", 1, "{}", signed)).isTrue();
    assertThat(WebhookSignature.verify(b, "id", 1, "{}", signed)).isFalse();
  }
}
