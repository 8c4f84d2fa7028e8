package eu.rathaus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank, in milliseconds. */
class TimingsTest {

  @Test
  void percentilesAreMeasuredValues() {
    Timings t = new Timings(100);
    for (int i = 100; i >= 1; i--) {
      t.add(i * 1_000_000L);
    }
    assertThat(t.p50()).isEqualTo(50.0);
    assertThat(t.p95()).isEqualTo(95.0);
    assertThat(t.max()).isEqualTo(100.0);
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    Timings t = new Timings(1);
    t.add(1_500_000L);
    assertThat(t.p50()).isEqualTo(1.5);
    assertThat(t.max()).isEqualTo(1.5);
  }

  @Test
  void emptyOrOverfullIsAnError() {
    Timings t = new Timings(1);
    assertThatThrownBy(t::p50).isInstanceOf(IllegalStateException.class);
    t.add(1);
    assertThatThrownBy(() -> t.add(2)).isInstanceOf(IllegalStateException.class);
  }
}
