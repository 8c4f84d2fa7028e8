package eu.rathaus.messaging.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Exponential back-off with a cap, and giving up after the bound (then the admin sees it). */
class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void delaysDoubleUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 10);
    assertEquals(NOW.plusSeconds(10), policy.nextAttempt(1, NOW).orElseThrow());
    assertEquals(NOW.plusSeconds(20), policy.nextAttempt(2, NOW).orElseThrow());
    assertEquals(NOW.plusSeconds(40), policy.nextAttempt(3, NOW).orElseThrow());
    assertEquals(NOW.plusSeconds(60), policy.nextAttempt(4, NOW).orElseThrow());
    assertEquals(NOW.plusSeconds(60), policy.nextAttempt(9, NOW).orElseThrow());
  }

  @Test
  void theDefaultGivesUpAfterItsBound() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    assertTrue(policy.nextAttempt(policy.maxAttempts() - 1, NOW).isPresent());
    assertTrue(policy.nextAttempt(policy.maxAttempts(), NOW).isEmpty());
  }

  @Test
  void aGivenUpMessageIsRetriedOnlyByAPerson() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
    OutboxMessage message = new OutboxMessage(java.util.UUID.randomUUID(), null, "s", "a@example.org", "k", "{}", "de", NOW);
    message.markFailed("down", policy, NOW);
    assertEquals(NOW.plusSeconds(1), message.nextAttemptAt());
    message.markFailed("down", policy, NOW);
    assertNull(message.nextAttemptAt());
    assertTrue(message.isGivenUp());
    assertTrue(message.retryNow(NOW.plusSeconds(5)));
    assertEquals(0, message.attempts());
    assertEquals(NOW.plusSeconds(5), message.nextAttemptAt());
    message.markSent(NOW.plusSeconds(6));
    assertTrue(!message.retryNow(NOW.plusSeconds(7)), "a sent message is never sent again");
  }
}
