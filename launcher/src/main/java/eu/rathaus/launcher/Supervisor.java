package eu.rathaus.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Watches the child processes of {@code ./rathaus up} (issue 16): when one dies, it says so at
 * once, starts it again after a back-off that doubles with every failed attempt (1 s, 2 s, 4 s … up
 * to a minute; reset once the component ran for two minutes), and says when it is back. The
 * restarts are written to a small file in the data folder, which {@code ./rathaus status} shows.
 *
 * <p>One watcher thread per component, polling every {@code poll}: a process-exit callback would
 * not see a component whose JVM hangs on exit, and one second is well below anyone's reaction.
 */
final class Supervisor implements AutoCloseable {

  /** What is supervised: a running component. */
  interface Child {
    boolean isAlive();

    void stop();
  }

  /** Back-off before the {@code attempt}-th restart in a row (1-based). */
  record Backoff(Duration first, Duration max, Duration stableAfter) {
    static final Backoff DEFAULT =
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(2));

    Duration before(int attempt) {
      long millis = first.toMillis() << Math.min(attempt - 1, 20);
      return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
  }

  private final PrintStream out;
  private final Path restartsFile;
  private final Backoff backoff;
  private final Duration poll;
  private final List<Thread> watchers = new ArrayList<>();
  private final Map<String, Child> current = new LinkedHashMap<>();
  private final Map<String, Integer> restarts = new LinkedHashMap<>();
  private final Map<String, String> lastRestart = new LinkedHashMap<>();
  private volatile boolean closed;

  Supervisor(PrintStream out, Path restartsFile, Backoff backoff, Duration poll) {
    this.out = out;
    this.restartsFile = restartsFile;
    this.backoff = backoff;
    this.poll = poll;
    try {
      Files.deleteIfExists(restartsFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Watches {@code child}; {@code restart} starts a new one (and may throw if it cannot). */
  synchronized void supervise(String name, Child child, Supplier<Child> restart) {
    current.put(name, child);
    restarts.put(name, 0);
    Thread watcher = new Thread(() -> watch(name, restart), "rathaus-supervise-" + name);
    watcher.setDaemon(true);
    watchers.add(watcher);
    watcher.start();
  }

  /** The component now running under {@code name} (a restart replaces it). */
  synchronized Child current(String name) {
    return current.get(name);
  }

  synchronized int restarts(String name) {
    return restarts.getOrDefault(name, 0);
  }

  private void watch(String name, Supplier<Child> restart) {
    int attempt = 0;
    long aliveSince = System.nanoTime();
    while (!closed) {
      Child child = current(name);
      if (child != null && child.isAlive()) {
        if (attempt > 0 && System.nanoTime() - aliveSince > backoff.stableAfter().toNanos()) {
          attempt = 0;
        }
        if (!pause(poll)) {
          return;
        }
        continue;
      }
      attempt++;
      Duration wait = backoff.before(attempt);
      say(
          name
              + " ist ausgefallen / died – Neustart in / restarting in "
              + seconds(wait)
              + " s (Versuch / attempt "
              + attempt
              + ")");
      if (!pause(wait)) {
        return;
      }
      try {
        Child started = restart.get();
        synchronized (this) {
          if (closed) {
            started.stop();
            return;
          }
          current.put(name, started);
          restarts.merge(name, 1, Integer::sum);
          lastRestart.put(name, LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
          persist();
        }
        aliveSince = System.nanoTime();
        say(name + " läuft wieder / is running again (Neustart / restart " + restarts(name) + ")");
      } catch (RuntimeException e) {
        say(name + " konnte nicht neu starten / could not restart: " + e.getMessage());
        synchronized (this) {
          current.put(name, null);
        }
      }
    }
  }

  private synchronized void say(String message) {
    if (!closed) {
      out.println("[rathaus] " + message);
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? Long.toString(d.toSeconds())
        : String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  /** False if the supervisor was closed meanwhile. */
  private boolean pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !closed;
  }

  private void persist() {
    Properties p = new Properties();
    restarts.forEach(
        (name, count) -> {
          if (count > 0) {
            p.setProperty(name, count + " " + lastRestart.get(name));
          }
        });
    try (var writer = Files.newBufferedWriter(restartsFile, StandardCharsets.UTF_8)) {
      p.store(writer, "restarts by ./rathaus up");
    } catch (IOException e) {
      out.println("[rathaus] " + restartsFile + ": " + e.getMessage());
    }
  }

  /** Restarts per component as {@link #persist} wrote them: name → "count last-time". */
  static Map<String, String> readRestarts(Path file) {
    Map<String, String> result = new LinkedHashMap<>();
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(reader);
      } catch (IOException e) {
        return result;
      }
      p.stringPropertyNames().stream().sorted().forEach(k -> result.put(k, p.getProperty(k)));
    }
    return result;
  }

  /** Stops watching (before the components are stopped, so a stop is not taken for a death). */
  @Override
  public void close() {
    closed = true;
    List<Thread> all;
    synchronized (this) {
      all = List.copyOf(watchers);
    }
    for (Thread watcher : all) {
      watcher.interrupt();
    }
    for (Thread watcher : all) {
      try {
        watcher.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
