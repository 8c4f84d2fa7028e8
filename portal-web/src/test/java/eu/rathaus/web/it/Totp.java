package eu.rathaus.web.it;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30 s), so a browser test can act as
 * the demo user's authenticator app. The demo secret is documented in the README.
 */
public final class Totp {

  /** Max Mustermann's TOTP secret in the eid realm, as Keycloak stores it (the raw key text). */
  public static final String DEMO_SECRET = "RathausDemoTotpKey42";

  private Totp() {}

  /** The code for the current 30-second step. */
  public static String now(String secret) {
    return code(secret.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() / 1000, 6);
  }

  /** The code for a given time (seconds since the epoch) and number of digits. */
  public static String code(byte[] key, long epochSeconds, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(epochSeconds / 30).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int modulo = (int) Math.pow(10, digits);
      return String.format("%0" + digits + "d", binary % modulo);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /** Seconds left in the current step; a test waits for a fresh step when too few remain. */
  public static long secondsLeftInStep() {
    return 30 - (System.currentTimeMillis() / 1000) % 30;
  }
}
