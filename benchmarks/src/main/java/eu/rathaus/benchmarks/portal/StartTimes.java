package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.launcher.Stack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * P5: start times. WildFly with the portal is stopped (gracefully) and started again by the
 * launcher's {@link LocalWildFly#start} until the readiness check and the portal's first page
 * answer; the median of {@code rounds} starts is reported. The whole stack's start ({@code
 * Stack.start}, the code path of {@code ./rathaus up}) is the one this run made (one sample per
 * run).
 *
 * <p>Before/after in the same run: every start of the built WAR alternates with a start of its
 * <em>unoptimised twin</em> — the same WAR with the boot-time work of issue 16 taken out again (no
 * {@code META-INF/jandex.idx} in any jar or in {@code WEB-INF/classes}, no {@code
 * WEB-INF/jboss-all.xml}), started without the launcher's class-data archive, i.e. the server as it
 * started before. Alternating (twin, built, twin …) spreads the shared machine's changing load over
 * both; the ratio of the medians is the figure.
 */
final class StartTimes {

  private StartTimes() {}

  /** Entries that make the boot faster; the twin is the WAR without them. */
  private static final Set<String> BOOT_AIDS =
      Set.of("META-INF/jandex.idx", "WEB-INF/classes/META-INF/jandex.idx", "WEB-INF/jboss-all.xml");

  /**
   * Returns the measurement (always "passed": the issue sets no target) and the WildFly left
   * running (with the built WAR), which the caller must stop.
   */
  static Object[] run(
      Stack stack, LocalWildFly live, double stackStartSeconds, int rounds, Path target)
      throws IOException {
    Path built = stack.config().portalWar();
    Path twin = target.resolve("p5-unoptimised/rathaus.war");
    int removed = writeTwin(built, twin);
    double[] boots = new double[rounds];
    double[] twinBoots = new double[rounds];
    LocalWildFly current = live;
    for (int i = 0; i < rounds; i++) {
      current.stop();
      long t = System.nanoTime();
      current = LocalWildFly.start(stack.config(), twin, false);
      twinBoots[i] = (System.nanoTime() - t) / 1e9;
      current.stop();
      t = System.nanoTime();
      current = LocalWildFly.start(stack.config(), built);
      boots[i] = (System.nanoTime() - t) / 1e9;
    }
    double median = median(boots);
    double twinMedian = median(twinBoots);
    String evidence =
        String.format(
            Locale.ROOT,
            "measured, no target: WildFly with the portal from start to ready (health and first"
                + " page) median %.1f s of %d (%s s); the same WAR without its %d boot aids"
                + " (annotation indexes, jboss-all.xml) taken out and without the class-data"
                + " archive, as it started before, started alternately in the same run: median %.1f s (%s s) — %.0f %% of that time"
                + " (load average %.1f); the whole stack (PostgreSQL, Keycloak, WildFly … as"
                + " ./rathaus up starts it) %.0f s in this run (one sample; a first start on a"
                + " fresh data folder includes Keycloak's one-time build)",
            median,
            rounds,
            rounded(boots),
            removed,
            twinMedian,
            rounded(twinBoots),
            100 * median / twinMedian,
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

  /**
   * Copies {@code war} to {@code twin} without the boot aids, in nested jars too; returns how many
   * entries were left out.
   */
  static int writeTwin(Path war, Path twin) throws IOException {
    Files.createDirectories(twin.getParent());
    int[] removed = {0};
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(twin))) {
      copy(in, out, removed, true);
    }
    return removed[0];
  }

  private static void copy(ZipInputStream in, ZipOutputStream out, int[] removed, boolean outer)
      throws IOException {
    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      String name = e.getName();
      if (outer ? BOOT_AIDS.contains(name) : "META-INF/jandex.idx".equals(name)) {
        removed[0]++;
        continue;
      }
      out.putNextEntry(new ZipEntry(name));
      if (outer && name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipInputStream nestedIn = new ZipInputStream(nonClosing(in));
            ZipOutputStream nestedOut = new ZipOutputStream(jar)) {
          copy(nestedIn, nestedOut, removed, false);
        }
        out.write(jar.toByteArray());
      } else {
        in.transferTo(out);
      }
      out.closeEntry();
    }
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
