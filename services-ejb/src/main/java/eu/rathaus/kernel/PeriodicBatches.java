package eu.rathaus.kernel;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job that runs in batches on every node: every period, batches are run one after the other until
 * one comes back smaller than a full batch. A failure is logged and retried the next period. Each
 * batch is its own transaction and claims its rows (e.g. {@code FOR UPDATE SKIP LOCKED}), so nodes
 * running at the same moment share the work instead of doing it twice.
 */
public final class PeriodicBatches {

  private PeriodicBatches() {}

  /**
   * Schedules {@code batch} (returns how many rows it did) every {@code periodSeconds}, first after
   * {@code initialSeconds}; {@code what} names the job in the log.
   */
  public static ScheduledFuture<?> schedule(
      ManagedScheduledExecutorService scheduler,
      long initialSeconds,
      long periodSeconds,
      int batchSize,
      IntSupplier batch,
      Logger log,
      String what) {
    return scheduler.scheduleWithFixedDelay(
        () -> drain(batchSize, batch, log, what), initialSeconds, periodSeconds, TimeUnit.SECONDS);
  }

  static void drain(int batchSize, IntSupplier batch, Logger log, String what) {
    try {
      int done;
      do {
        done = batch.getAsInt();
      } while (done == batchSize);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, what + " not processed, will retry: {0}", e.toString());
    }
  }
}
