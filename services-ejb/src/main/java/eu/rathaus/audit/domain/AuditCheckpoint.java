package eu.rathaus.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signed anchor of a stretch of one audit chain (issue 16): the hashes of entries {@code
 * fromSeq..toSeq}, signed with HMAC-SHA256 under a key that only the portal holds — PostgreSQL
 * never sees it. Whoever rewrites entries and the chain head in the database cannot produce a
 * matching signature. Each checkpoint also signs its predecessor's signature, so checkpoints can be
 * neither reordered nor removed from the middle.
 *
 * @param hashes the entries' hashes in sequence order, {@code toSeq - fromSeq + 1} of them
 * @param prevMac the previous checkpoint's {@code mac} of this chain, {@link AuditHasher#GENESIS}
 *     for the first
 * @param createdMs when it was signed (epoch milliseconds)
 */
public record AuditCheckpoint(
    String chain,
    long fromSeq,
    long toSeq,
    List<String> hashes,
    String prevMac,
    long createdMs,
    String mac) {

  /** A new checkpoint, signed with {@code key}. */
  public static AuditCheckpoint sign(
      byte[] key, String chain, long fromSeq, List<String> hashes, String prevMac, long createdMs) {
    long toSeq = fromSeq + hashes.size() - 1;
    String mac = mac(key, chain, fromSeq, toSeq, hashes, prevMac, createdMs);
    return new AuditCheckpoint(chain, fromSeq, toSeq, List.copyOf(hashes), prevMac, createdMs, mac);
  }

  /** True if the signature fits the content under {@code key} (compared in constant time). */
  public boolean signedWith(byte[] key) {
    if (hashes.size() != toSeq - fromSeq + 1) {
      return false;
    }
    String expected = mac(key, chain, fromSeq, toSeq, hashes, prevMac, createdMs);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
  }

  /** The hash anchored for {@code seq}, or null if this checkpoint does not cover it. */
  public String hashOf(long seq) {
    return seq < fromSeq || seq > toSeq ? null : hashes.get((int) (seq - fromSeq));
  }

  /** The stored form of {@link #hashes}. */
  public String joinedHashes() {
    return String.join(",", hashes);
  }

  public static List<String> splitHashes(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  private static String mac(
      byte[] key,
      String chain,
      long fromSeq,
      long toSeq,
      List<String> hashes,
      String prevMac,
      long createdMs) {
    String message =
        "rathaus-audit-checkpoint-v1\n"
            + chain
            + "\n"
            + fromSeq
            + "\n"
            + toSeq
            + "\n"
            + String.join(",", hashes)
            + "\n"
            + prevMac
            + "\n"
            + createdMs;
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
