package eu.rathaus.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 6);

  @Test
  void backsOffExponentiallyUpToTheCap() {
    assertThat(policy.nextAttempt(1, NOW)).contains(NOW.plusSeconds(10));
    assertThat(policy.nextAttempt(2, NOW)).contains(NOW.plusSeconds(20));
    assertThat(policy.nextAttempt(3, NOW)).contains(NOW.plusSeconds(40));
    assertThat(policy.nextAttempt(5, NOW)).contains(NOW.plusSeconds(160));
    assertThat(
            new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 100)
                .nextAttempt(60, NOW))
        .contains(NOW.plusSeconds(300));
  }

  @Test
  void givesUpAfterTheLastAttemptAndKeepsTheError() {
    assertThat(policy.nextAttempt(6, NOW)).isEmpty();

    OutboxMessage message =
        new OutboxMessage(UUID.randomUUID(), null, "s", "a@example.org", "t", "{}", "de", NOW);
    for (int i = 0; i < 6; i++) {
      message.markFailed("SMTP down " + i, policy, NOW);
    }
    assertThat(message.attempts()).isEqualTo(6);
    assertThat(message.nextAttemptAt()).as("given up: not due any more").isNull();
    assertThat(message.lastError()).isEqualTo("SMTP down 5");
    assertThat(message.sentAt()).isNull();
  }

  @Test
  void aSentMessageIsNeverDueAgain() {
    OutboxMessage message =
        new OutboxMessage(UUID.randomUUID(), null, "s", "a@example.org", "t", "{}", "de", NOW);
    message.markFailed("timeout", policy, NOW);
    message.markSent(NOW.plusSeconds(30));
    assertThat(message.nextAttemptAt()).isNull();
    assertThat(message.lastError()).isNull();
  }
}
