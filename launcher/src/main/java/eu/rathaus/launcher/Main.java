package eu.rathaus.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ./rathaus} command line: {@code up}, {@code down}, {@code status}, {@code reset},
 * {@code audit-verify}.
 *
 * <p>Exit codes: 0 success, 1 failure, 2 usage error. Messages are German first with English
 * alongside, because the portal's users are German authorities while contributors may not be.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  private static final Set<String> YES = Set.of("j", "ja", "y", "yes");

  private final PrintStream out;
  private final InputStream in;

  Main(PrintStream out, InputStream in) {
    this.out = out;
    this.in = in;
  }

  public static void main(String[] args) {
    int code = new Main(System.out, System.in).run(args);
    if (code != OK || !(args.length > 0 && "up".equals(args[0]))) {
      System.exit(code);
    }
  }

  int run(String[] args) {
    if (args.length == 0
        || "help".equals(args[0])
        || "--help".equals(args[0])
        || "-h".equals(args[0])) {
      usage();
      return args.length == 0 ? USAGE : OK;
    }
    List<String> options = Arrays.asList(args).subList(1, args.length);
    StackConfig config;
    try {
      config = StackConfig.fromEnvironment(projectDir());
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      return USAGE;
    }
    try {
      switch (args[0]) {
        case "up":
          return up(config);
        case "down":
          return down(config);
        case "status":
          return status(config);
        case "reset":
          return reset(config, options.contains("--yes") || options.contains("-y"));
        case "audit-verify":
          return AuditVerifyCommand.run(config, out);
        case "portability-keys":
        case "export-municipality":
        case "import-municipality":
        case "erase-municipality":
          return PortabilityCommand.run(args[0], options, config, out);
        default:
          out.println("Unbekannter Befehl / unknown command: " + args[0]);
          usage();
          return USAGE;
      }
    } catch (StackException e) {
      out.println("[rathaus] " + e.getMessage());
      return FAILURE;
    }
  }

  private void usage() {
    out.println("Aufruf / usage: ./rathaus <befehl>");
    out.println(
        "  up            startet alles im Vordergrund / starts everything in the foreground (Ctrl+C stops)");
    out.println("  down          beendet ein laufendes up / stops a running up");
    out.println("  status        zeigt, was läuft / shows what is running");
    out.println("  reset [--yes] löscht alle lokalen Daten / deletes all local data");
    out.println("  audit-verify  prüft die Audit-Kette / verifies the audit hash chain");
    out.println("  Umzug einer Kommune / a municipality moves (README, \"Leave with your data\"):");
    PortabilityCommand.usage(out, "    ");
  }

  /**
   * The project folder: set by the {@code rathaus} script, else the build's basedir, else the
   * working directory.
   */
  static Path projectDir() {
    String property = System.getProperty("rathaus.project.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    Properties props = new Properties();
    try (InputStream stream = Main.class.getResourceAsStream("/rathaus-launcher.properties")) {
      if (stream != null) {
        props.load(stream);
        String basedir = props.getProperty("project.basedir");
        if (basedir != null && !basedir.startsWith("$") && Files.isDirectory(Path.of(basedir))) {
          return Path.of(basedir);
        }
      }
    } catch (IOException e) {
      // fall through to the working directory
    }
    return Path.of("").toAbsolutePath();
  }

  private int up(StackConfig config) {
    Optional<ProcessHandle> running = runningUp(config);
    if (running.isPresent()) {
      out.println(
          "[rathaus] Rathaus läuft bereits (pid "
              + running.get().pid()
              + ") / is already running – "
              + "./rathaus down beendet es / stops it.");
      return FAILURE;
    }
    try {
      Files.createDirectories(config.dataDir());
      Files.writeString(config.pidFile(), Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      out.println(
          "[rathaus] Datenordner nicht beschreibbar / data folder not writable: "
              + config.dataDir());
      return FAILURE;
    }
    out.println("[rathaus] Daten in / data in " + config.dataDir());
    Stack stack = Stack.prepare(config, out);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              out.println();
              out.println("[rathaus] Wird beendet / stopping …");
              stack.stop();
              deletePidFile(config);
              out.println("[rathaus] Beendet / stopped.");
              stopped.countDown();
            },
            "rathaus-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stack.startComponents(true);
    } catch (StackException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      deletePidFile(config);
      out.println("[rathaus] " + e.getMessage());
      return FAILURE;
    }
    stack.printSummary();
    stack.supervise();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OK;
  }

  private int down(StackConfig config) {
    Optional<ProcessHandle> running = runningUp(config);
    if (running.isEmpty()) {
      deletePidFile(config);
      out.println("[rathaus] Rathaus läuft nicht / is not running.");
      return OK;
    }
    out.println("[rathaus] Beende / stopping pid " + running.get().pid() + " …");
    running.get().destroy();
    try {
      running.get().onExit().get(3, TimeUnit.MINUTES);
      out.println("[rathaus] Beendet / stopped.");
      return OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILURE;
    } catch (Exception e) {
      out.println(
          "[rathaus] Der Prozess " + running.get().pid() + " reagiert nicht / does not stop.");
      return FAILURE;
    }
  }

  private int status(StackConfig config) {
    Optional<ProcessHandle> running = runningUp(config);
    out.println(
        running
            .map(p -> "./rathaus up läuft / is running (pid " + p.pid() + ")")
            .orElse("./rathaus up läuft nicht / is not running"));
    out.println("Daten / data: " + config.dataDir());
    for (Component component : Component.values()) {
      int port = config.port(component);
      String state = Ports.isListening(port) ? "antwortet / answers" : "–";
      out.printf(Locale.ROOT, "  %-28s %5d  %s%n", component.label(), port, state);
    }
    out.println(
        "  Keycloak health:  " + describe(ManagedProcess.status(LocalKeycloak.healthUrl(config))));
    out.println(
        "  WildFly health:   " + describe(ManagedProcess.status(LocalWildFly.healthUrl(config))));
    java.util.Map<String, String> restarts = Stack.restarts(config);
    if (running.isPresent()) {
      out.println(
          "  Neustarts / restarts: "
              + (restarts.isEmpty()
                  ? "keine / none"
                  : String.join(
                      ", ",
                      restarts.entrySet().stream()
                          .map(e -> e.getKey() + " " + e.getValue())
                          .toList())));
    }
    return OK;
  }

  /** "2 13:05:42" (count, time of the last) → "2× (zuletzt / last 13:05:42)". */
  static String describeRestarts(String recorded) {
    String[] parts = recorded.split(" ", 2);
    return parts[0] + "×" + (parts.length > 1 ? " (zuletzt / last " + parts[1] + ")" : "");
  }

  private static String describe(int status) {
    return status < 0 ? "nicht erreichbar / unreachable" : "HTTP " + status;
  }

  private int reset(StackConfig config, boolean yes) {
    if (runningUp(config).isPresent()) {
      out.println("[rathaus] Rathaus läuft noch / is still running – erst / first: ./rathaus down");
      return FAILURE;
    }
    Path dataDir = config.dataDir();
    if (!Files.exists(dataDir)) {
      out.println("[rathaus] Nichts zu löschen / nothing to delete: " + dataDir);
      return OK;
    }
    if (!yes) {
      out.print("Alle lokalen Daten in " + dataDir + " löschen? / delete all local data? [j/N] ");
      out.flush();
      String answer;
      try {
        answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      } catch (IOException e) {
        answer = null;
      }
      if (answer == null || !YES.contains(answer.trim().toLowerCase(Locale.ROOT))) {
        out.println("[rathaus] Abgebrochen / cancelled.");
        return FAILURE;
      }
    }
    // Processes left behind by a killed launcher would keep writing into the folder being deleted.
    Stack.reclaimOrphans(config);
    try {
      LocalKeycloak.deleteRecursively(dataDir);
    } catch (IOException e) {
      out.println("[rathaus] Löschen fehlgeschlagen / delete failed: " + e.getMessage());
      return FAILURE;
    }
    out.println("[rathaus] Gelöscht / deleted: " + dataDir);
    return OK;
  }

  /** The process of a running {@code up}, if its pid file points at a live launcher JVM. */
  static Optional<ProcessHandle> runningUp(StackConfig config) {
    Path pidFile = config.pidFile();
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      if (pid == ProcessHandle.current().pid()) {
        return Optional.empty();
      }
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p ->
                  p.info()
                      .commandLine()
                      .map(line -> line.contains(Main.class.getName()))
                      .orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void deletePidFile(StackConfig config) {
    try {
      Files.deleteIfExists(config.pidFile());
    } catch (IOException e) {
      // a stale pid file is detected as stale next time
    }
  }
}
