package eu.rathaus.benchmarks.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts the embedded PostgreSQL the stack runs as an operator's {@code pg_ctl} would,
 * with the binary and options of the running server ({@code postmaster.opts}). Not through {@code
 * pg_ctl} itself: it refuses to run as root, which is how this machine runs everything (the
 * embedded {@code postgres} binary does not): a fast shutdown is SIGINT to the postmaster, a start
 * runs {@code postgres -D …} in the background and waits for {@code postmaster.pid} to say "ready".
 */
final class PgCtl {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  private final Path postgres;
  private final List<String> options;

  private PgCtl(Path postgres, List<String> options) {
    this.postgres = postgres;
    this.options = List.copyOf(options);
  }

  /**
   * Reads {@code postmaster.opts} of the cluster in {@code data}: the binary, then each argument in
   * double quotes; {@code -D} and its folder are left out (given per call).
   */
  static PgCtl of(Path data) throws IOException {
    String opts = Files.readString(data.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
    Path binary = Path.of(opts.split(" ", 2)[0]);
    Matcher m = QUOTED.matcher(opts);
    List<String> quoted = new ArrayList<>();
    while (m.find()) {
      quoted.add(m.group(1));
    }
    List<String> options = new ArrayList<>();
    for (int i = 0; i < quoted.size(); i++) {
      if (quoted.get(i).equals("-D")) {
        i++;
        continue;
      }
      options.add(quoted.get(i));
    }
    return new PgCtl(binary, options);
  }

  /** The server options of the original start ({@code -p}, {@code -c …}). */
  List<String> options() {
    return options;
  }

  /** The folder of the PostgreSQL binaries (for the report: which were used). */
  Path bin() {
    return postgres.getParent();
  }

  /**
   * Fast shutdown ({@code pg_ctl stop -m fast}: SIGINT, open transactions rolled back, clients
   * disconnected); waits until the postmaster has exited.
   */
  void stop(Path data) throws IOException, InterruptedException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
    kill.waitFor(10, TimeUnit.SECONDS);
    java.util.Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isPresent()) {
      try {
        handle.get().onExit().get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IOException("PostgreSQL (pid " + pid + ") did not stop within 120 s", e);
      }
    }
  }

  /**
   * Starts the cluster in {@code data} with {@code serverOptions} (output appended to {@code log})
   * and waits until it accepts connections; a cluster in recovery is waited for until it has
   * finished.
   */
  void start(Path data, Path log, List<String> serverOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(postgres.toString());
    command.add("-D");
    command.add(data.toString());
    command.addAll(serverOptions);
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Path pidFile = data.resolve("postmaster.pid");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < until) {
      if (!p.isAlive()) {
        throw new IOException(
            "PostgreSQL on " + data + " exited with " + p.exitValue() + "; log: " + log);
      }
      if (Files.exists(pidFile)) {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new IOException("PostgreSQL on " + data + " not ready within 600 s; log: " + log);
  }
}
