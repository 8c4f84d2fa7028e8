package eu.rathaus.payments.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the signature of a payment provider's server-to-server notification: HMAC-SHA256 over the
 * timestamp and the exact bytes of the body, compared in constant time. The timestamp bounds how
 * long a captured notification could be replayed; duplicates within that window are caught by the
 * notification id (idempotent processing), not here.
 */
public final class NotificationSignature {

  /** Notifications older (or further in the future) than this are refused. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final byte[] secret;

  public NotificationSignature(byte[] secret) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("the shared secret needs at least 256 bits");
    }
    this.secret = secret.clone();
  }

  /** Hex HMAC of {@code <epoch seconds>.<body>}. */
  public String sign(long epochSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** Why a notification was accepted or not. */
  public enum Verdict {
    VALID,
    BAD_SIGNATURE,
    STALE
  }

  public Verdict verify(long epochSeconds, byte[] body, String signatureHex, Instant now) {
    // Compared as plain seconds: any long may arrive in the header, and Instant.ofEpochSecond
    // throws
    // beyond year 1,000,000,000 (a 500 per request before issue 10). The bounds cannot overflow.
    long nowSeconds = now.getEpochSecond();
    long tolerance = TOLERANCE.toSeconds();
    if (epochSeconds < nowSeconds - tolerance || epochSeconds > nowSeconds + tolerance) {
      return Verdict.STALE;
    }
    byte[] expected = sign(epochSeconds, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        signatureHex == null
            ? new byte[0]
            : signatureHex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
  }
}
