package eu.rathaus.benchmarks;

import java.util.Arrays;

/**
 * Latencies of one benchmarked query and their summary. Percentiles by nearest rank on the sorted
 * samples: no interpolation, so every number reported was actually measured once.
 */
public final class Timings {

  private final long[] nanos;
  private int count;

  public Timings(int capacity) {
    this.nanos = new long[capacity];
  }

  public void add(long elapsedNanos) {
    if (count == nanos.length) {
      throw new IllegalStateException("More samples than the " + nanos.length + " planned");
    }
    nanos[count++] = elapsedNanos;
  }

  public int count() {
    return count;
  }

  /** The p-th percentile (0 &lt; p &le; 100) in milliseconds, nearest rank. */
  public double percentileMillis(double p) {
    if (count == 0) {
      throw new IllegalStateException("No samples");
    }
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("Percentile out of (0, 100]: " + p);
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
  }

  public double p50() {
    return percentileMillis(50);
  }

  public double p95() {
    return percentileMillis(95);
  }

  public double max() {
    return percentileMillis(100);
  }
}
