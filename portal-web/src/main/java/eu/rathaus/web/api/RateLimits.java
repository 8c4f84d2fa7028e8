package eu.rathaus.web.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) of the API, one per caller key ({@code client:<id>}, {@code ip:<addr>}):
 * a bucket holds {@code perMinute} requests and refills them evenly over a minute, so a burst of
 * the whole minute's allowance is possible and then one request every {@code 60/perMinute} s.
 *
 * <p>Buckets live in this node's memory: with several nodes behind a load balancer a caller gets up
 * to the limit per node (documented in the README). A changed limit replaces the caller's bucket at
 * its next request. The map is bounded: past {@link #MAX_BUCKETS} callers, buckets that are full
 * again (idle callers) are dropped; dropping one only forgets an idle caller.
 */
final class RateLimits {

  static final int MAX_BUCKETS = 50_000;

  /** The answer for one request: allowed or not, what is left and when to retry. */
  record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {

    /** Seconds until the bucket is full again (when allowed) or the next request may pass. */
    long resetSeconds() {
      return allowed ? ((limit - remaining) * 60 + limit - 1) / limit : retryAfterSeconds;
    }
  }

  private record Entry(long perMinute, Bucket bucket) {}

  private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

  /** Takes one request from {@code key}'s bucket of {@code perMinute} requests a minute. */
  Decision take(String key, long perMinute) {
    if (buckets.size() > MAX_BUCKETS) {
      dropIdle();
    }
    Entry entry =
        buckets.compute(
            key,
            (k, old) ->
                old != null && old.perMinute == perMinute
                    ? old
                    : new Entry(perMinute, bucket(perMinute)));
    ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
    long retry =
        probe.isConsumed()
            ? 0
            : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), retry);
  }

  private static Bucket bucket(long perMinute) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }

  private void dropIdle() {
    buckets
        .entrySet()
        .removeIf(e -> e.getValue().bucket.getAvailableTokens() >= e.getValue().perMinute);
  }

  int size() {
    return buckets.size();
  }
}
