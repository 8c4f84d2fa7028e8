package eu.rathaus.webhooks.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void backOffStartsAtFiveSecondsDoublesIsCappedAndStopsAfterFifteenAttempts() {
    List<Duration> delays = new ArrayList<>();
    for (int failed = 1; failed <= 15; failed++) {
      delays.add(
          WebhookSender.RETRY
              .nextAttempt(failed, NOW)
              .map(next -> Duration.between(NOW, next))
              .orElse(null));
    }
    assertThat(delays.subList(0, 5))
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(80));
    assertThat(delays.get(12)).isEqualTo(Duration.ofSeconds(5 * 4096)); // 5 h 41 min
    assertThat(delays.get(13)).isEqualTo(Duration.ofHours(6)); // 5 s * 2^13 > 6 h: capped
    assertThat(delays.get(14)).as("the fifteenth failure is the last").isNull();
  }

  @Test
  void thePayloadHasTheStandardWebhooksShape() {
    String json =
        WebhookEvents.payload(
            eu.rathaus.webhooks.domain.WebhookEventType.CASE_STATUS_CHANGED,
            NOW,
            Map.of("caseId", "c-1"));
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"case.status-changed\",\"timestamp\":\"2026-12-07T12:00:00Z\","
                + "\"data\":{\"caseId\":\"c-1\"}}");
  }
}
