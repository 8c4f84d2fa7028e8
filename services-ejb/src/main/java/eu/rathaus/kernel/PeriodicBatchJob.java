package eu.rathaus.kernel;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop shared by the portal's periodic, cluster-safe jobs (outbox sender, appointment
 * reminders, payment poll): every {@code seconds} each step runs batch after batch until a batch
 * comes back smaller than {@code batch} (nothing more due right now), then the next step.
 *
 * <p>What makes a job safe with several nodes is the step's contract, not this loop: each step is
 * one transaction of its own ({@code REQUIRES_NEW}, called through the bean's proxy) that claims
 * its rows with {@code FOR UPDATE SKIP LOCKED} and changes them so they no longer match once
 * committed; a second node running at the same moment takes other rows or none. A failing run
 * (typically the database is away) is logged once as a warning, not every period, until a run
 * succeeds again.
 */
public final class PeriodicBatchJob {

  private final String name;
  private final int batch;
  private final Logger log;
  private final List<IntSupplier> steps;
  private ScheduledFuture<?> task;
  private volatile boolean warned;

  /**
   * @param name what the warning calls the job ("Outbox", "Appointment reminders")
   * @param batch the size of a full batch: a step that returns it runs again at once
   * @param log the job's own logger
   * @param steps each returns how many rows its one transaction worked on
   */
  public PeriodicBatchJob(String name, int batch, Logger log, IntSupplier... steps) {
    if (batch < 1 || steps.length == 0) {
      throw new IllegalArgumentException("a job needs a batch size and at least one step");
    }
    this.name = name;
    this.batch = batch;
    this.log = log;
    this.steps = List.of(steps);
  }

  /** Runs the job every {@code seconds}, the first time after one period. */
  public void start(ManagedScheduledExecutorService scheduler, long seconds) {
    task = scheduler.scheduleWithFixedDelay(this::run, seconds, seconds, TimeUnit.SECONDS);
  }

  /** Stops the schedule (a run under way ends normally). */
  public void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** One run: every step until it is drained. Never throws (a scheduled task must not). */
  public void run() {
    try {
      for (IntSupplier step : steps) {
        while (step.getAsInt() >= batch) {
          // a full batch: more may be due
        }
      }
      warned = false;
    } catch (RuntimeException e) {
      if (!warned) {
        log.log(Level.WARNING, name + " not processed, will retry: {0}", e.toString());
        warned = true;
      }
    }
  }
}
