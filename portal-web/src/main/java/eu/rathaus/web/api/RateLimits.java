package eu.rathaus.web.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Token buckets (Bucket4j) of the API, one per caller key ({@code client:<id>}, {@code ip:<addr>}):
 * a bucket holds {@code perMinute} requests and refills them evenly over a minute, so a burst of
 * the whole minute's allowance is possible and then one request every {@code 60/perMinute} s. A
 * changed limit replaces the caller's bucket at its next request.
 *
 * <p><b>Shared</b> ({@link #shared}): the buckets live in PostgreSQL (table {@code
 * rate_limit_bucket}, V69; Bucket4j's {@code SELECT ... FOR UPDATE} integration), so every portal
 * node takes from the same budget. A row's key is a SHA-256 of the caller's key (no address in the
 * table); the limit is part of the key, so a changed limit starts a fresh bucket on every node, as
 * it does in memory. Rows expire once their bucket would be full again and are deleted about once a
 * minute. Their transactions commit asynchronously ({@link AsynchronousCommits}): no disk flush per
 * API call.
 *
 * <p><b>When the database cannot be asked</b> the node falls back to buckets in its own memory for
 * {@link #FALLBACK_PERIOD} before it tries the database again: the API stays usable and each node
 * still enforces the limit, so at worst a caller gets the limit once per node while the database is
 * away — neither fail-closed (a database hiccup would refuse every API call, even those that need
 * no database) nor fail-open (no limit at all). Logged as a warning once per fallback period.
 *
 * <p><b>Local</b> ({@code new RateLimits()}): memory only. The map is bounded: past {@link
 * #MAX_BUCKETS} callers, buckets that are full again (idle callers) are dropped.
 */
final class RateLimits {

  private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
  static final int MAX_BUCKETS = 50_000;

  /** How long a node uses its own buckets after the database failed. */
  static final Duration FALLBACK_PERIOD = Duration.ofSeconds(30);

  static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
  static final int CLEANUP_BATCH = 1_000;

  /** The answer for one request: allowed or not, what is left and when to retry. */
  record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {

    /** Seconds until the bucket is full again (when allowed) or the next request may pass. */
    long resetSeconds() {
      return allowed ? ((limit - remaining) * 60 + limit - 1) / limit : retryAfterSeconds;
    }
  }

  private record Entry(long perMinute, Bucket bucket) {}

  private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
  private final ProxyManager<String> shared;
  private final LongSupplier millis;
  private final AtomicLong localUntil = new AtomicLong();
  private final AtomicLong nextCleanup = new AtomicLong();

  /** Buckets in this node's memory only. */
  RateLimits() {
    this(null, System::currentTimeMillis);
  }

  private RateLimits(ProxyManager<String> shared, LongSupplier millis) {
    this.shared = shared;
    this.millis = millis;
  }

  /** Buckets shared by every node through PostgreSQL's {@code rate_limit_bucket}. */
  static RateLimits shared(DataSource dataSource) {
    return new RateLimits(proxyManager(dataSource), System::currentTimeMillis);
  }

  static ProxyManager<String> proxyManager(DataSource dataSource) {
    // A bucket may forget its last fraction of a second in a database crash; an API call must not
    // wait for a disk flush of it (see AsynchronousCommits).
    return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(AsynchronousCommits.of(dataSource))
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("rate_limit_bucket")
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                Duration.ofSeconds(10)))
        .build();
  }

  /** Whether the buckets are shared through the database. */
  boolean isShared() {
    return shared != null;
  }

  /** Takes one request from {@code key}'s bucket of {@code perMinute} requests a minute. */
  Decision take(String key, long perMinute) {
    if (shared != null && millis.getAsLong() >= localUntil.get()) {
      try {
        Decision d =
            decision(
                shared
                    .builder()
                    .build(rowKey(key + "|" + perMinute), () -> configuration(perMinute))
                    .tryConsumeAndReturnRemaining(1),
                perMinute);
        cleanUpNowAndThen();
        return d;
      } catch (RuntimeException e) {
        localUntil.set(millis.getAsLong() + FALLBACK_PERIOD.toMillis());
        LOG.log(
            Level.WARNING,
            "Shared rate-limit buckets unavailable; this node limits on its own for "
                + FALLBACK_PERIOD.toSeconds()
                + " s",
            e);
      }
    }
    return takeLocally(key, perMinute);
  }

  private Decision takeLocally(String key, long perMinute) {
    if (buckets.size() > MAX_BUCKETS) {
      dropIdle();
    }
    Entry entry =
        buckets.compute(
            key,
            (k, old) ->
                old != null && old.perMinute == perMinute
                    ? old
                    : new Entry(perMinute, Bucket.builder().addLimit(limit(perMinute)).build()));
    return decision(entry.bucket.tryConsumeAndReturnRemaining(1), perMinute);
  }

  private static Decision decision(ConsumptionProbe probe, long perMinute) {
    long retry =
        probe.isConsumed()
            ? 0
            : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), retry);
  }

  private static Bandwidth limit(long perMinute) {
    return Bandwidth.builder()
        .capacity(perMinute)
        .refillGreedy(perMinute, Duration.ofMinutes(1))
        .build();
  }

  private static BucketConfiguration configuration(long perMinute) {
    return BucketConfiguration.builder().addLimit(limit(perMinute)).build();
  }

  /** The row key of a caller: SHA-256 of its key, so no address or client id is stored. */
  static String rowKey(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Deletes expired rows, by one node at a time about once a minute ({@code SKIP LOCKED}). */
  private void cleanUpNowAndThen() {
    long now = millis.getAsLong();
    long due = nextCleanup.get();
    if (now >= due
        && nextCleanup.compareAndSet(due, now + CLEANUP_EVERY.toMillis())
        && shared instanceof ExpiredEntriesCleaner cleaner) {
      try {
        cleaner.removeExpired(CLEANUP_BATCH);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Expired rate-limit buckets not deleted this time", e);
      }
    }
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
