package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a supervised child process that dies is reported at once and started again, after a
 * back-off that doubles with every death in a row; the restarts are recorded for {@code ./rathaus
 * status}. Real processes ({@code sh}), real timing, no mocks.
 */
class SupervisorTest {

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();

  /** A real child process that lives {@code seconds}, with the moment it ended. */
  private final class ShellChild implements Supervisor.Child {
    final Process process;
    volatile long endedNanos;

    ShellChild(String seconds) throws Exception {
      process = new ProcessBuilder("sh", "-c", "sleep " + seconds).start();
      processes.add(process);
      process.onExit().thenRun(() -> endedNanos = System.nanoTime());
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void stop() {
      process.destroy();
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 20 s").isTrue();
  }

  @Test
  void aDyingChildIsReportedAndRestartedWithDoublingBackoff() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Path restartsFile = dir.resolve("restarts.properties");
    Supervisor.Backoff backoff =
        new Supervisor.Backoff(
            Duration.ofMillis(400), Duration.ofSeconds(10), Duration.ofMinutes(5));
    // Each restart returns the next child: the first restart dies again, the second one stays.
    List<String> lifetimes = List.of("0.3", "60");
    BlockingQueue<Long> restartedAt = new LinkedBlockingQueue<>();
    List<ShellChild> children = new ArrayList<>();
    ShellChild first = new ShellChild("0.2");
    children.add(first);
    try (Supervisor supervisor =
        new Supervisor(out, restartsFile, backoff, Duration.ofMillis(50))) {
      supervisor.supervise(
          "Testdienst",
          first,
          () -> {
            restartedAt.add(System.nanoTime());
            try {
              ShellChild next = new ShellChild(lifetimes.get(children.size() - 1));
              children.add(next);
              return next;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });

      long firstRestart = restartedAt.poll(20, TimeUnit.SECONDS);
      long secondRestart = restartedAt.poll(20, TimeUnit.SECONDS);
      await(() -> supervisor.restarts("Testdienst") == 2);

      // Back-off: 400 ms after the first death, 800 ms after the second (less 50 ms for the
      // exit callback that stamps the death, which may run a little after the process ended).
      assertThat(firstRestart - children.get(0).endedNanos)
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(350));
      assertThat(secondRestart - children.get(1).endedNanos)
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(750));
      assertThat(supervisor.current("Testdienst")).isSameAs(children.get(2));
      assertThat(children.get(2).isAlive()).isTrue();

      String said = bytes.toString(StandardCharsets.UTF_8);
      assertThat(said)
          .contains(
              "[rathaus] Testdienst ist ausgefallen / died – Neustart in / restarting in 0.4 s (Versuch / attempt 1)",
              "[rathaus] Testdienst läuft wieder / is running again (Neustart / restart 1)",
              "[rathaus] Testdienst ist ausgefallen / died – Neustart in / restarting in 0.8 s (Versuch / attempt 2)",
              "[rathaus] Testdienst läuft wieder / is running again (Neustart / restart 2)");
      assertThat(Supervisor.readRestarts(restartsFile))
          .hasEntrySatisfying("Testdienst", v -> assertThat(v).startsWith("2 "));
      assertThat(Main.describeRestarts(Supervisor.readRestarts(restartsFile).get("Testdienst")))
          .startsWith("2× (zuletzt / last ");
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
    // Closed: a child that ends now is no death to report.
    int linesBefore = bytes.toString(StandardCharsets.UTF_8).split("\n").length;
    children.get(2).process.onExit().get(10, TimeUnit.SECONDS);
    assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n")).hasSize(linesBefore);
  }

  @Test
  void backoffDoublesUpToItsMaximum() {
    Supervisor.Backoff backoff = Supervisor.Backoff.DEFAULT;
    assertThat(backoff.before(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.before(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.before(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.before(7)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.before(40)).isEqualTo(Duration.ofMinutes(1));
  }
}
