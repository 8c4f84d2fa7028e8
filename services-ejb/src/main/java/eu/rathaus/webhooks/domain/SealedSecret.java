package eu.rathaus.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * How a subscription's signing secret is stored (V68): sealed under a key of its own that the
 * municipality's data key wraps, written as one text value {@code sealed:v1:<file key id>:<data key
 * version>:<nonce>:<ciphertext>} (nonce and ciphertext Base64). The associated data binds the
 * sealed secret to its subscription and municipality, so a value copied to another row does not
 * open.
 */
public record SealedSecret(UUID fileKeyId, int keyVersion, byte[] nonce, byte[] ciphertext) {

  public static final String PREFIX = "sealed:v1:";

  /** Whether a stored value is sealed (otherwise it is a plain secret written before V68). */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** The stored text of this sealed secret. */
  public String toText() {
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX
        + fileKeyId
        + ":"
        + keyVersion
        + ":"
        + b64.encodeToString(nonce)
        + ":"
        + b64.encodeToString(ciphertext);
  }

  /**
   * Reads a stored value.
   *
   * @throws IllegalArgumentException if it is not a sealed secret
   */
  public static SealedSecret parse(String stored) {
    if (!isSealed(stored)) {
      throw new IllegalArgumentException("Not a sealed secret");
    }
    String[] parts = stored.substring(PREFIX.length()).split(":", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("Not a sealed secret");
    }
    Base64.Decoder b64 = Base64.getDecoder();
    return new SealedSecret(
        UUID.fromString(parts[0]),
        Integer.parseInt(parts[1]),
        b64.decode(parts[2]),
        b64.decode(parts[3]));
  }

  /** The associated data of a subscription's secret. */
  public static byte[] context(UUID subscriptionId, UUID municipalityId) {
    return ("webhook-secret:" + subscriptionId + ":" + municipalityId)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** No key material in logs. */
  @Override
  public String toString() {
    return "SealedSecret[" + fileKeyId + ", v" + keyVersion + "]";
  }
}
