package eu.rathaus.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class PeriodicBatchJobTest {

  private final Logger log = Logger.getAnonymousLogger();
  private final List<LogRecord> warnings = new ArrayList<>();

  PeriodicBatchJobTest() {
    log.setUseParentHandlers(false);
    log.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel() == Level.WARNING) {
              warnings.add(r);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  @Test
  void eachStepRunsBatchAfterBatchUntilOneIsNotFullThenTheNextStep() {
    List<String> calls = new ArrayList<>();
    AtomicInteger firstLeft = new AtomicInteger(25);
    PeriodicBatchJob job =
        new PeriodicBatchJob(
            "Test",
            10,
            log,
            () -> {
              int n = Math.min(10, firstLeft.getAndAdd(-10));
              calls.add("first:" + Math.max(n, 0));
              return Math.max(n, 0);
            },
            () -> {
              calls.add("second:0");
              return 0;
            });
    job.run();
    assertEquals(List.of("first:10", "first:10", "first:5", "second:0"), calls);
  }

  @Test
  void aFailingRunIsWarnedOnceUntilARunSucceedsAgain() {
    AtomicInteger runs = new AtomicInteger();
    boolean[] down = {true};
    PeriodicBatchJob job =
        new PeriodicBatchJob(
            "Outbox",
            10,
            log,
            () -> {
              runs.incrementAndGet();
              if (down[0]) {
                throw new IllegalStateException("database away");
              }
              return 0;
            });
    job.run();
    job.run();
    job.run();
    assertEquals(1, warnings.size(), "said once, not every period");
    assertEquals("Outbox not processed, will retry: {0}", warnings.get(0).getMessage());
    down[0] = false;
    job.run();
    down[0] = true;
    job.run();
    assertEquals(2, warnings.size(), "after a good run, a new failure is said again");
    assertEquals(5, runs.get());
  }

  @Test
  void aJobNeedsABatchSizeAndAStep() {
    assertThrows(IllegalArgumentException.class, () -> new PeriodicBatchJob("x", 0, log, () -> 0));
    assertThrows(IllegalArgumentException.class, () -> new PeriodicBatchJob("x", 5, log));
  }
}
