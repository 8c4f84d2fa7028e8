package eu.rathaus.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.apiclients.application.ApiClientGate;
import eu.rathaus.apiclients.domain.ApiScope;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  @Test
  void aCallerGetsItsMinuteAllowanceAsABurstThenARetryAfter() {
    RateLimits limits = new RateLimits();
    for (int i = 0; i < 5; i++) {
      RateLimits.Decision d = limits.take("client:a", 5);
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(4 - i);
    }
    RateLimits.Decision refused = limits.take("client:a", 5);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.limit()).isEqualTo(5);
    // One request comes back every 60/5 = 12 s.
    assertThat(refused.retryAfterSeconds()).isBetween(11L, 12L);
    assertThat(refused.resetSeconds()).isEqualTo(refused.retryAfterSeconds());
    // 2 of 5 used: full again in 2 × 12 s.
    assertThat(new RateLimits.Decision(true, 5, 3, 0).resetSeconds()).isEqualTo(24);
    assertThat(new RateLimits.Decision(true, 5, 5, 0).resetSeconds()).isZero();
    // Another caller has its own bucket.
    assertThat(limits.take("client:b", 5).allowed()).isTrue();
  }

  @Test
  void aChangedLimitCountsAtTheNextRequest() {
    RateLimits limits = new RateLimits();
    assertThat(limits.take("ip:1", 1).allowed()).isTrue();
    assertThat(limits.take("ip:1", 1).allowed()).isFalse();
    assertThat(limits.take("ip:1", 100).allowed()).isTrue();
    assertThat(limits.take("ip:1", 100).remaining()).isEqualTo(98);
  }

  @Test
  void theGateRefusesDisabledClientsMissingScopesAndOtherMunicipalities() {
    ApiClientGate.Grant reader =
        new ApiClientGate.Grant(
            UUID.randomUUID(), "api-m-1", "musterstadt", Set.of(ApiScope.PUBLIC_READ), null, true);
    assertThat(ApiGate.refusal(reader, true, false, "beispielheim")).isEmpty();
    assertThat(ApiGate.refusal(reader, false, true, "musterstadt").orElseThrow().status())
        .isEqualTo(403);
    ApiClientGate.Grant submitter =
        new ApiClientGate.Grant(
            UUID.randomUUID(), "api-m-2", "musterstadt", Set.of(ApiScope.SUBMISSION), 10, true);
    assertThat(ApiGate.refusal(submitter, false, true, "musterstadt")).isEmpty();
    assertThat(ApiGate.refusal(submitter, false, true, "beispielheim")).isPresent();
    assertThat(ApiGate.refusal(submitter, true, false, "musterstadt")).isPresent();
    ApiClientGate.Grant disabled =
        new ApiClientGate.Grant(
            UUID.randomUUID(), "api-m-3", "musterstadt", Set.of(ApiScope.values()), null, false);
    assertThat(ApiGate.refusal(disabled, true, false, "musterstadt").orElseThrow().status())
        .isEqualTo(403);
  }
}
