package eu.rathaus.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
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
