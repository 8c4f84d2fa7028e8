package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.launcher.Stack;
import java.util.Arrays;
import java.util.Locale;

/**
 * P5: start times. WildFly with the portal is stopped (gracefully) and started again by the
 * launcher's {@link LocalWildFly#start} three times, until the readiness check and the portal's
 * first page answer; the median is reported. The whole stack's start ({@code Stack.start}, the code
 * path of {@code ./rathaus up}) is the one this run made (one sample per run).
 */
final class StartTimes {

  private StartTimes() {}

  /**
   * Returns the measurement (always "passed": the issue sets no target) and the WildFly left
   * running, which the caller must stop.
   */
  static Object[] run(Stack stack, LocalWildFly live, double stackStartSeconds, int rounds) {
    double[] boots = new double[rounds];
    LocalWildFly current = live;
    for (int i = 0; i < rounds; i++) {
      current.stop();
      long t = System.nanoTime();
      current = LocalWildFly.start(stack.config());
      boots[i] = (System.nanoTime() - t) / 1e9;
    }
    double[] sorted = boots.clone();
    Arrays.sort(sorted);
    String evidence =
        String.format(
            Locale.ROOT,
            "measured, no target: WildFly with the portal from start to ready (health and first"
                + " page) median %.1f s of %d (%s s; load average %.1f); the whole stack"
                + " (PostgreSQL, Keycloak, WildFly … as ./rathaus up starts it) %.0f s in this run"
                + " (one sample; a first start on a fresh data folder includes Keycloak's one-time"
                + " build)",
            sorted[rounds / 2],
            rounds,
            Arrays.toString(boots).replaceAll("(\\.\\d)\\d+", "$1"),
            Machine.loadAverage(),
            stackStartSeconds);
    return new Object[] {new Drill.Verdict("p5-start", true, evidence, ""), current};
  }
}
