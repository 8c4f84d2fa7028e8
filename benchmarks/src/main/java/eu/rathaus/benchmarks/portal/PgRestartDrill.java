package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.LocalPostgres;
import eu.rathaus.launcher.Stack;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Drill (b): PostgreSQL is stopped ({@code pg_ctl stop -m fast}, what a restart or a failover does
 * to the portal's connections) while citizens submit, stays down for {@code downSeconds}, and is
 * started again with the same options. Meanwhile a signed-in visitor and an anonymous one load
 * pages every half second. Passes if every submission a client saw acknowledged is in the database
 * exactly once, submissions are acknowledged again after the restart without restarting WildFly
 * (same JVM: the pool replaced its connections), and every page answered during the gap was the
 * friendly 503 "try again" page (no 500, no stack trace).
 */
final class PgRestartDrill {

  /** What a visitor saw during the drill, per phase and status. */
  private final Map<String, Long> seen = new TreeMap<>();

  private final List<String> badPages = new ArrayList<>();

  private PgRestartDrill() {}

  static Drill.Verdict run(
      Stack stack, DataSource db, List<Citizen> citizens, Citizen visitor, int downSeconds)
      throws Exception {
    PgRestartDrill drill = new PgRestartDrill();
    WildFlyProbe wildFly = new WildFlyProbe(stack.config());
    long pidBefore = wildFly.javaPid();
    Path data = LocalPostgres.dataDirectory(stack.config());
    PgCtl pg = PgCtl.of(data);
    String portal = stack.config().portalBaseUrl();
    Citizen anonymous = new Citizen(portal);
    java.util.concurrent.atomic.AtomicReference<String> phase =
        new java.util.concurrent.atomic.AtomicReference<>("before");
    AtomicBoolean stopProbing = new AtomicBoolean();
    Thread prober =
        new Thread(
            () -> {
              while (!stopProbing.get()) {
                drill.look(
                    phase.get() + " signed in", visitor, portal + "/citizen/applications.xhtml");
                drill.look(
                    phase.get() + " anonymous",
                    anonymous,
                    portal + "/service.xhtml?m=musterstadt&s=" + PortalBenchmark.SERVICE);
                SubmissionLoad.sleepQuietly(500);
              }
            },
            "pg-drill-prober");
    prober.start();
    SubmissionLoad load = SubmissionLoad.start(citizens);
    Thread.sleep(10_000);
    int ackedBeforeStop = load.acknowledged().size();
    phase.set("gap");
    pg.stop(data);
    long downAt = System.nanoTime();
    int ackedAtStop = load.acknowledged().size();
    Thread.sleep(downSeconds * 1000L);
    int ackedInGap = load.acknowledged().size() - ackedAtStop;
    phase.set("after");
    pg.start(data, stack.config().logDir().resolve("postgres.log"), pg.options());
    long upAt = System.nanoTime();
    // Recovery: the first submission acknowledged after PostgreSQL is back.
    int ackedAtStart = load.acknowledged().size();
    double recovered = -1;
    while (System.nanoTime() - upAt < TimeUnit.SECONDS.toNanos(120)) {
      if (load.acknowledged().size() > ackedAtStart) {
        recovered = (System.nanoTime() - upAt) / 1e9;
        break;
      }
      Thread.sleep(200);
    }
    Thread.sleep(10_000);
    load.stop();
    stopProbing.set(true);
    prober.join(60_000);
    int ackedAfter = load.acknowledged().size() - ackedAtStart;
    long pidAfter = wildFly.javaPid();
    SubmissionLoad.Check check = load.check(db);
    int acknowledged = load.acknowledged().size();
    long gapFriendly = drill.count("gap", 503);
    long gapOk = drill.count("gap", 200);
    boolean pass =
        check.found() == acknowledged
            && check.twice() == 0
            && check.keysTwice() == 0
            && recovered >= 0
            && ackedAfter > 0
            && pidAfter == pidBefore
            && drill.badPages.isEmpty()
            && gapFriendly > 0;
    String evidence =
        String.format(
            Locale.ROOT,
            "PostgreSQL down %.0f s under load of %d citizens: %d submissions acknowledged (%d before"
                + " the stop, %d during the gap, %d after the restart), %d of them in the database"
                + " (%d twice), idempotency keys used twice: %d, %d attempts failed; the first"
                + " submission after the restart was acknowledged %.1f s after PostgreSQL was up,"
                + " WildFly not restarted (pid %d before and after: %s); pages during the gap: %d"
                + " friendly 503 \"try again\", %d 200 (cached or before the pool noticed), %d"
                + " other answers (500, stack trace or no friendly text)",
            (upAt - downAt) / 1e9,
            citizens.size(),
            acknowledged,
            ackedBeforeStop,
            ackedInGap,
            ackedAfter,
            check.found(),
            check.twice(),
            check.keysTwice(),
            load.failed(),
            recovered,
            pidBefore,
            pidAfter == pidBefore ? "same" : "DIFFERENT: " + pidAfter,
            gapFriendly,
            gapOk,
            drill.badPages.size());
    StringBuilder details =
        new StringBuilder("Pages a visitor saw (phase, who: status × count):\n\n");
    drill.seen.forEach(
        (k, n) -> details.append("- ").append(k).append(": ").append(n).append('\n'));
    if (!drill.badPages.isEmpty()) {
      details.append("\nUnfriendly answers (first 10):\n\n");
      drill.badPages.stream().limit(10).forEach(b -> details.append("- ").append(b).append('\n'));
    }
    return new Drill.Verdict("postgres-restart", pass, evidence, details.toString());
  }

  private synchronized long count(String phase, int status) {
    return seen.entrySet().stream()
        .filter(e -> e.getKey().startsWith(phase + " ") && e.getKey().endsWith(" " + status))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Loads one page and classifies the answer: 5xx must be the friendly 503 page. */
  private void look(String who, Citizen as, String url) {
    int status;
    String problem = null;
    try {
      HttpResponse<String> page = as.probe(url);
      status = page.statusCode();
      String body = page.body();
      if (status >= 500) {
        boolean friendly =
            status == 503
                && body.contains("Vorübergehend nicht verfügbar")
                && page.headers().firstValue("Retry-After").isPresent();
        boolean trace =
            body.contains("Exception") || body.contains("\tat ") || body.contains("at org.");
        if (!friendly || trace) {
          problem =
              status
                  + " "
                  + url
                  + (trace ? " (stack trace)" : "")
                  + (friendly ? "" : " (not the friendly page)");
        }
      }
    } catch (IOException e) {
      status = 0;
      problem = "no answer from " + url + ": " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    synchronized (this) {
      seen.merge(who + " " + status, 1L, Long::sum);
      if (problem != null) {
        badPages.add(who + ": " + problem);
      }
    }
  }
}
