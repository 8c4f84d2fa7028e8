package eu.rathaus.benchmarks.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A fixed number of workers looping one action for a fixed time: latencies go into an HdrHistogram
 * (microseconds), completed actions and errors are counted. Closed model on purpose: each worker
 * waits for its answer before the next request, like a citizen at a browser.
 */
final class Stage {

  /** One worker's loop body; returns normally when one unit (a submission, a page) is done. */
  interface Action {
    void run(Recorder latencies) throws Exception;
  }

  /** What one stage measured. */
  record Result(
      String name,
      int workers,
      double seconds,
      long completed,
      long errors,
      long requests,
      double p50,
      double p95,
      double p99,
      double max,
      String firstError) {

    double perSecond() {
      return completed / seconds;
    }

    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  private Stage() {}

  /**
   * Runs {@code workers} threads for {@code seconds}; each thread gets its own action from {@code
   * factory} (e.g. its own signed-in citizen), created before the clock starts.
   */
  static Result run(
      String name, int workers, int seconds, java.util.function.IntFunction<Action> factory)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    StringBuilder firstError = new StringBuilder();
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      actions.add(factory.apply(i));
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (Action action : actions) {
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  try {
                    action.run(recorder);
                    completed.incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    synchronized (firstError) {
                      if (firstError.length() == 0) {
                        firstError.append(e);
                      }
                    }
                  }
                }
              },
              name + "-" + threads.size());
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Histogram h = recorder.getIntervalHistogram();
    return new Result(
        name,
        workers,
        elapsed,
        completed.get(),
        errors.get(),
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(95) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0,
        firstError.toString());
  }

  /** Records one duration measured in nanoseconds as microseconds. */
  static void record(Recorder recorder, long nanos) {
    recorder.recordValue(Math.max(1, nanos / 1000));
  }
}
