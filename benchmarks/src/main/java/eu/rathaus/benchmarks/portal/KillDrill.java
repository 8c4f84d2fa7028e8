package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.launcher.Stack;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Drill (a): {@code kill -9} of the WildFly JVM while citizens submit. Afterwards every reference a
 * client saw on its receipt page must be in the database exactly once, and the restarted server
 * (the launcher's {@link LocalWildFly#start}, as {@code ./rathaus up} does it) must be ready within
 * 15 s. A retry cannot create a second case: the submission removes the draft in the same
 * transaction and {@code (applicant_subject, idempotency_key)} is unique; the drill checks that no
 * key occurs twice.
 */
final class KillDrill {

  private KillDrill() {}

  /**
   * Runs the drill; returns the verdict and the restarted server, which the caller must stop (the
   * stack only knows the killed one).
   */
  static Object[] run(Stack stack, DataSource db, List<Citizen> citizens, int loadSeconds)
      throws Exception {
    WildFlyProbe probe = new WildFlyProbe(stack.config());
    long before = PortalBenchmark.counts(db).get("case_application");
    SubmissionLoad load = SubmissionLoad.start(citizens);
    Thread.sleep(loadSeconds * 1000L);
    long pid = probe.javaPid();
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
    long killedAt = System.nanoTime();
    Thread.sleep(2000);
    load.stop();
    long restartAt = System.nanoTime();
    LocalWildFly restarted = LocalWildFly.start(stack.config());
    double ready = (System.nanoTime() - restartAt) / 1e9;
    double outage = (System.nanoTime() - killedAt) / 1e9;

    SubmissionLoad.Check check = load.check(db);
    List<String> acknowledged = load.acknowledged();
    long after = PortalBenchmark.counts(db).get("case_application");
    // Sign in again after the restart (sessions died with the JVM) and submit once more.
    Citizen again = new Citizen(stack.config().portalBaseUrl());
    again.signIn("luca.basis", Stack.DEMO_PASSWORD);
    String afterRestart = again.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE);
    boolean pass =
        check.found() == acknowledged.size()
            && check.twice() == 0
            && check.keysTwice() == 0
            && ready <= 15.0;
    String evidence =
        String.format(
            Locale.ROOT,
            "%d submissions acknowledged, %d of them in the database (%d twice), %d attempts"
                + " failed (in flight, and the refused reconnects until the load stopped), %d applications stored in the window (%d more than acknowledged:"
                + " committed, answer lost), idempotency keys used twice: %d; restarted server"
                + " ready in %.1f s (target ≤ 15 s; %.1f s after the kill), a new submission after"
                + " the restart: %s",
            acknowledged.size(),
            check.found(),
            check.twice(),
            load.failed(),
            after - before,
            after - before - acknowledged.size(),
            check.keysTwice(),
            ready,
            outage,
            afterRestart);
    return new Object[] {new Drill.Verdict("kill-wildfly", pass, evidence, ""), restarted};
  }
}
