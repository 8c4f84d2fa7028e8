package eu.rathaus.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * SHA-256 over a canonical form of an audit entry plus the previous entry's hash.
 *
 * <p>The canonical form writes every field as {@code <length>:<value>;} (absent values as {@code
 * -;}), so no choice of field contents can make two different entries serialise to the same bytes.
 * Timestamps are cut to microseconds because that is what PostgreSQL stores: a hash over
 * nanoseconds could never be verified again after a round trip through the database.
 */
public final class AuditHasher {

  /** The "previous hash" of the first entry of every chain. */
  public static final String GENESIS = "0".repeat(64);

  private AuditHasher() {}

  /** The fields of an entry that the hash covers. */
  public record Content(
      String chain,
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      UUID municipalityId,
      String details) {}

  /** Truncates a timestamp to the precision the database keeps. */
  public static Instant storable(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  public static String hash(Content c, String prevHash) {
    StringBuilder canonical = new StringBuilder(256);
    append(canonical, "v1");
    append(canonical, c.chain());
    append(canonical, Long.toString(c.seq()));
    append(canonical, c.occurredAt() == null ? null : storable(c.occurredAt()).toString());
    append(canonical, c.actor());
    append(canonical, c.action());
    append(canonical, c.subjectType());
    append(canonical, c.subjectId());
    append(canonical, c.municipalityId() == null ? null : c.municipalityId().toString());
    append(canonical, c.details());
    append(canonical, prevHash);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static void append(StringBuilder out, String value) {
    if (value == null) {
      out.append("-;");
    } else {
      out.append(value.length()).append(':').append(value).append(';');
    }
  }
}
