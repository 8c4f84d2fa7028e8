package eu.rathaus.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were verified before, until they expire: an API call reads its
 * token in the rate-limit gate and again in the resource, and each read would verify the signature
 * anew (issue 16, P1 through the API). Keyed by the SHA-256 of the token (the token itself is not
 * kept as a key), bounded: past {@code capacity} the expired entries go, and if that is not enough
 * all of them (they are verified again on their next use, nothing is lost). A token is never kept
 * past its own expiry, nor longer than {@code maxAgeMillis}.
 */
final class VerifiedTokens<T> {

  private record Entry<T>(T value, long until) {}

  private final int capacity;
  private final long maxAgeMillis;
  private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

  VerifiedTokens(int capacity, long maxAgeMillis) {
    this.capacity = capacity;
    this.maxAgeMillis = maxAgeMillis;
  }

  /**
   * The value verified for {@code token}, if it was verified and has not expired at {@code now}.
   */
  Optional<T> get(String token, long now) {
    String key = key(token);
    Entry<T> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (now >= entry.until()) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  /** Keeps what {@code token} was verified as, until {@code expiresAt} (epoch millis). */
  void put(String token, T value, long expiresAt, long now) {
    long until = Math.min(expiresAt, now + maxAgeMillis);
    if (until <= now) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.values().removeIf(e -> now >= e.until());
      if (entries.size() >= capacity) {
        entries.clear();
      }
    }
    entries.put(key(token), new Entry<>(value, until));
  }

  int size() {
    return entries.size();
  }

  private static String key(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
