package eu.rathaus.messaging.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The default bound, and the municipal admin's "retry" of a notice the sender gave up on. */
class OutboxMessageRetryTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void theDefaultPolicyGivesUpAfterItsBound() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    assertTrue(policy.nextAttempt(policy.maxAttempts() - 1, NOW).isPresent());
    assertTrue(policy.nextAttempt(policy.maxAttempts(), NOW).isEmpty());
  }

  @Test
  void aGivenUpMessageIsRetriedOnlyByAPersonAndASentOneNever() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
    OutboxMessage message =
        new OutboxMessage(UUID.randomUUID(), null, "s", "a@example.org", "k", "{}", "de", NOW);
    assertFalse(message.retryNow(NOW), "a message still being tried is not retried by hand");
    message.markFailed("down", policy, NOW);
    assertEquals(NOW.plusSeconds(1), message.nextAttemptAt());
    message.markFailed("down", policy, NOW);
    assertNull(message.nextAttemptAt());
    assertTrue(message.isGivenUp());
    assertTrue(message.retryNow(NOW.plusSeconds(5)));
    assertEquals(0, message.attempts(), "a fresh round of attempts");
    assertEquals(NOW.plusSeconds(5), message.nextAttemptAt());
    assertEquals("down", message.lastError(), "the error stays until a delivery succeeds");
    message.markSent(NOW.plusSeconds(6));
    assertFalse(message.retryNow(NOW.plusSeconds(7)), "a sent message is never sent again");
  }
}
