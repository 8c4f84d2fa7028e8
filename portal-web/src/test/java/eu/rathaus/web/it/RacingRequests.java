package eu.rathaus.web.it;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Races for the in-container tests: each contender runs in a thread of its own with a request
 * context of its own (so its own {@link CallerScope}), all released at the same moment, as two
 * people clicking at once would. {@link Deployments#portal} adds it to every test deployment.
 */
@Dependent
public class RacingRequests {

  /** One contender: who acts, and what it does once released. */
  public record Contender<T>(TenantScope scope, Callable<T> action) {}

  @Inject Instance<RequestContextController> requestContexts;
  @Inject CallerScope caller;

  /** Runs the contenders at once and returns their results in the given order. */
  @SafeVarargs
  public final <T> List<T> atOnce(Contender<T>... contenders) throws Exception {
    return atOnce(List.of(contenders));
  }

  /** Runs the contenders at once and returns their results in the given order. */
  public <T> List<T> atOnce(List<Contender<T>> contenders) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(contenders.size());
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Contender<T> contender : contenders) {
        running.add(threads.submit(inOwnRequest(contender, start)));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> result : running) {
        results.add(result.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private <T> Callable<T> inOwnRequest(Contender<T> contender, CountDownLatch start) {
    return () -> {
      RequestContextController context = requestContexts.get();
      context.activate();
      try {
        caller.set(contender.scope());
        start.await(10, TimeUnit.SECONDS);
        return contender.action().call();
      } finally {
        context.deactivate();
      }
    };
  }
}
