package eu.rathaus.retention.application;

import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.kernel.PeriodicBatchJob;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * Runs the erasure engine on a schedule (hourly; the first run one period after start): drafts,
 * then cases, batch after batch while full batches come back; then re-seals files sealed before V53
 * under keys of their own. Safe with several nodes: each batch is one transaction that claims its
 * rows with {@code SKIP LOCKED} (see {@link PeriodicBatchJob}).
 */
@ApplicationScoped
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
  static final long PERIOD_SECONDS = 3600;
  static final int BATCH = 50;
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ErasureEngine engine;
  @Inject DataKeys dataKeys;

  Clock clock = Clock.systemUTC();
  private PeriodicBatchJob job;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    job =
        new PeriodicBatchJob(
            "Retention",
            BATCH,
            LOG,
            () -> engine.eraseDueDrafts(today(), BATCH),
            () -> engine.eraseDueCases(today(), BATCH),
            // The migration path: files sealed before V53 get keys of their own, so that their
            // erasure shreds them too.
            () -> dataKeys.resealLegacy(BATCH));
    job.start(scheduler, PERIOD_SECONDS);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.stop();
    }
  }

  /** One run now (for operators and tests). */
  public void runOnce() {
    job.run();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }
}
