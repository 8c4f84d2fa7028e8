package eu.rathaus.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationSignatureTest {

  private static final byte[] SECRET =
      "sandbox-provider-shared-secret-32bytes!".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY =
      "{\"id\":\"n-1\",\"reference\":\"RF18539007547034\",\"amount\":3000,\"status\":\"PAID\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final NotificationSignature signature = new NotificationSignature(SECRET);

  @Test
  void aCorrectSignatureOverTheExactBodyIsValid() {
    long ts = NOW.getEpochSecond();
    assertThat(signature.verify(ts, BODY, signature.sign(ts, BODY), NOW))
        .isEqualTo(NotificationSignature.Verdict.VALID);
    assertThat(signature.verify(ts, BODY, signature.sign(ts, BODY).toUpperCase(), NOW))
        .isEqualTo(NotificationSignature.Verdict.VALID);
  }

  @Test
  void anyChangeToBodyTimestampOrSignatureIsRefused() {
    long ts = NOW.getEpochSecond();
    String good = signature.sign(ts, BODY);
    byte[] changed =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("3000", "30")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify(ts, changed, good, NOW))
        .isEqualTo(NotificationSignature.Verdict.BAD_SIGNATURE);
    assertThat(signature.verify(ts - 1, BODY, good, NOW))
        .isEqualTo(NotificationSignature.Verdict.BAD_SIGNATURE);
    assertThat(signature.verify(ts, BODY, good.substring(1) + "0", NOW))
        .isEqualTo(NotificationSignature.Verdict.BAD_SIGNATURE);
    assertThat(signature.verify(ts, BODY, null, NOW))
        .isEqualTo(NotificationSignature.Verdict.BAD_SIGNATURE);
    assertThat(
            new NotificationSignature(
                    "another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8))
                .verify(ts, BODY, good, NOW))
        .isEqualTo(NotificationSignature.Verdict.BAD_SIGNATURE);
  }

  @Test
  void oldNotificationsCannotBeReplayed() {
    long old = NOW.minusSeconds(301).getEpochSecond();
    assertThat(signature.verify(old, BODY, signature.sign(old, BODY), NOW))
        .isEqualTo(NotificationSignature.Verdict.STALE);
  }

  @Test
  void timestampsFarOutsideTheRangeOfInstantAreStaleNotAnError() {
    for (long far : new long[] {99999999999999999L, Long.MAX_VALUE, Long.MIN_VALUE, -1L}) {
      assertThat(signature.verify(far, BODY, signature.sign(far, BODY), NOW))
          .as("timestamp %d", far)
          .isEqualTo(NotificationSignature.Verdict.STALE);
    }
    long edge = NOW.plusSeconds(300).getEpochSecond();
    assertThat(signature.verify(edge, BODY, signature.sign(edge, BODY), NOW))
        .isEqualTo(NotificationSignature.Verdict.VALID);
  }

  @Test
  void weakSecretsAreRefused() {
    assertThatThrownBy(() -> new NotificationSignature("short".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
