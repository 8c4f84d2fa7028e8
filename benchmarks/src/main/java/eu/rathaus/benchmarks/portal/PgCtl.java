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
 * {@code pg_ctl} of the embedded PostgreSQL the stack runs (next to the {@code postgres} named in
 * {@code postmaster.opts}), with the options the running server was started with, so a drill can
 * stop and start it — or start another cluster — as an operator would. Like the embedded PostgreSQL
 * library itself it runs {@code pg_ctl} under {@code unshare -U} where the drill runs as root (this
 * machine): {@code pg_ctl} and {@code postgres} refuse to run as root.
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

  /** Fast shutdown (open transactions rolled back, clients disconnected); waits until down. */
  void stop(Path data) throws IOException, InterruptedException {
    run("stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "120");
  }

  /**
   * Starts the cluster in {@code data} with {@code serverOptions} (output appended to {@code log})
   * and waits until it accepts connections (a cluster in recovery: until it is consistent).
   */
  void start(Path data, Path log, List<String> serverOptions)
      throws IOException, InterruptedException {
    run(
        "start",
        "-D",
        data.toString(),
        "-w",
        "-t",
        "600",
        "-l",
        log.toString(),
        "-o",
        serverOptions.stream()
            .map(o -> "'" + o.replace("'", "'\\''") + "'")
            .collect(java.util.stream.Collectors.joining(" ")));
  }

  private void run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(bin().resolve("pg_ctl").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(700, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("pg_ctl " + String.join(" ", args) + " failed: " + out);
    }
  }
}
