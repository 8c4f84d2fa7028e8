package eu.rathaus.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the Standard Webhooks specification (https://www.standardwebhooks.com), so a
 * municipality's system can check deliveries with any of its libraries: headers {@code webhook-id},
 * {@code webhook-timestamp} (seconds since the epoch) and {@code webhook-signature} = {@code v1,} +
 * Base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), where the key is the Base64-decoded
 * part of the secret after {@code whsec_}.
 */
public final class WebhookSignature {

  /** The prefix of a secret, as the specification's libraries expect it. */
  public static final String SECRET_PREFIX = "whsec_";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int KEY_BYTES = 32;

  private WebhookSignature() {}

  /** A new secret: 32 random bytes, Base64, with the prefix. */
  public static String newSecret() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The value of the {@code webhook-signature} header: {@code v1,<base64>}. */
  public static String sign(String secret, String id, long timestamp, String body) {
    return "v1," + Base64.getEncoder().encodeToString(mac(secret, id, timestamp, body));
  }

  /**
   * The header value signed with each of {@code secrets}, space-separated ({@code v1,<a> v1,<b>}),
   * as the specification allows while a secret is rotated: a receiver that knows either secret
   * accepts the delivery.
   */
  public static String sign(List<String> secrets, String id, long timestamp, String body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("No secret to sign with");
    }
    return secrets.stream()
        .map(secret -> sign(secret, id, timestamp, body))
        .collect(Collectors.joining(" "));
  }

  /**
   * Whether one of the space-separated signatures of a {@code webhook-signature} header is the
   * {@code v1} signature of this message (compared in constant time).
   */
  public static boolean verify(
      String secret, String id, long timestamp, String body, String signatureHeader) {
    if (signatureHeader == null) {
      return false;
    }
    byte[] expected = mac(secret, id, timestamp, body);
    for (String candidate : signatureHeader.trim().split(" +")) {
      if (candidate.startsWith("v1,")) {
        try {
          byte[] given = Base64.getDecoder().decode(candidate.substring(3));
          if (MessageDigest.isEqual(expected, given)) {
            return true;
          }
        } catch (IllegalArgumentException e) {
          // not Base64: not this one
        }
      }
    }
    return false;
  }

  private static byte[] mac(String secret, String id, long timestamp, String body) {
    String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(6) : secret;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
      return mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
