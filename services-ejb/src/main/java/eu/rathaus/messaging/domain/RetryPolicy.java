package eu.rathaus.messaging.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try again after a failed delivery: exponential back-off ({@code first}, doubled per
 * attempt, capped at {@code max}), and no further try after {@code maxAttempts}. A mail server that
 * is down for a while is retried gently instead of being hammered every second, and a message that
 * can never be delivered (a rejected address) stops instead of retrying forever.
 */
public record RetryPolicy(Duration first, Duration max, int maxAttempts) {

  /** About a day and a half of retries in total before giving up. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(6), 12);

  public RetryPolicy {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("Invalid retry policy");
    }
  }

  /** The time of the next attempt after {@code failedAttempts} failures, empty once it gives up. */
  public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
    if (failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
    Duration delay = first.multipliedBy(1L << exponent);
    if (delay.compareTo(max) > 0) {
      delay = max;
    }
    return Optional.of(now.plus(delay));
  }
}
