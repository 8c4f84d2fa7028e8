package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.launcher.Stack;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * P5: start times. WildFly with the portal is stopped (gracefully) and started again by the
 * launcher's {@link LocalWildFly#start} until the readiness check and the portal's first page
 * answer; the median of {@code rounds} starts is reported. The whole stack's start ({@code
 * Stack.start}, the code path of {@code ./rathaus up}) is the one this run made (one sample per
 * run).
 *
 * <p>Before/after in the same run: every start with the launcher's class-data archive (AppCDS, as
 * {@code ./rathaus up} and the kill drill's restart start) alternates with a start of the same
 * server and WAR without it, i.e. as it started before. Alternating (without, with, without …)
 * spreads the shared machine's changing load over both; the ratio of the medians is the figure.
 * (The annotation indexes once compared here were taken out of the build again; see
 * benchmarks/README.)
 */
final class StartTimes {

  private StartTimes() {}

  /**
   * Returns the measurement (always "passed": the issue sets no target) and the WildFly left
   * running (with the archive), which the caller must stop.
   */
  static Object[] run(Stack stack, LocalWildFly live, double stackStartSeconds, int rounds) {
    Path war = stack.config().portalWar();
    double[] boots = new double[rounds];
    double[] plainBoots = new double[rounds];
    LocalWildFly current = live;
    for (int i = 0; i < rounds; i++) {
      current.stop();
      long t = System.nanoTime();
      current = LocalWildFly.start(stack.config(), war, false);
      plainBoots[i] = (System.nanoTime() - t) / 1e9;
      current.stop();
      t = System.nanoTime();
      current = LocalWildFly.start(stack.config(), war, true);
      boots[i] = (System.nanoTime() - t) / 1e9;
    }
    double median = median(boots);
    double plainMedian = median(plainBoots);
    String evidence =
        String.format(
            Locale.ROOT,
            "measured, no target: WildFly with the portal from start to ready (health and first"
                + " page) with the class-data archive median %.1f s of %d (%s s); the same server"
                + " and WAR without the archive, started alternately in the same run: median %.1f"
                + " s (%s s) — %.0f %% of that time (load average %.1f); the whole stack"
                + " (PostgreSQL, Keycloak, WildFly … as ./rathaus up starts it) %.0f s in this run"
                + " (one sample, -1 = started before the drills; a first start on a fresh data"
                + " folder includes Keycloak's one-time build and writing the archive)",
            median,
            rounds,
            rounded(boots),
            plainMedian,
            rounded(plainBoots),
            100 * median / plainMedian,
            Machine.loadAverage(),
            stackStartSeconds);
    return new Object[] {new Drill.Verdict("p5-start", true, evidence, ""), current};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String rounded(double[] values) {
    return Arrays.toString(values).replaceAll("(\\.\\d)\\d+", "$1");
  }
}
