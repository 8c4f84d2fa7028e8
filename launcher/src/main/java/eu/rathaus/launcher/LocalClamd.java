package eu.rathaus.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An optional local clamd (Debian's {@code clamav-daemon}) that scans the portal's uploads.
 *
 * <p>Optional because a developer may not have ClamAV installed: then the stack starts without it,
 * says so, and the portal stores uploads marked "not scanned". The tests need it ({@code .ci/run}
 * installs it).
 *
 * <p>Signature downloads are not reachable here, so clamd gets a database folder of its own holding
 * only the project's test signatures ({@code clamav/rathaus-test.*}: the EICAR test file). The
 * generated configuration binds TCP on 127.0.0.1 only, runs in the foreground (so this process owns
 * it like Keycloak and WildFly) and has no {@code User} line: started as root (as on the CI
 * machine) clamd keeps running as root and can read the data folder; started as a normal user it
 * runs as that user. Debian's packaged {@code /etc/clamav/clamd.conf} (User clamav, a Unix socket
 * in /run) is not used.
 */
public final class LocalClamd implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalClamd.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> SIGNATURES = List.of("rathaus-test.ndb", "rathaus-test.hdb");
  private static final List<Path> CANDIDATES =
      List.of(
          Path.of("/usr/sbin/clamd"),
          Path.of("/usr/local/sbin/clamd"),
          Path.of("/usr/bin/clamd"),
          Path.of("/usr/local/bin/clamd"));

  private final StackConfig config;
  private final ManagedProcess process;

  private LocalClamd(StackConfig config, ManagedProcess process) {
    this.config = config;
    this.process = process;
  }

  /** The clamd binary, if ClamAV's daemon is installed. */
  public static Optional<Path> binary() {
    for (Path candidate : CANDIDATES) {
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, "clamd");
        if (!dir.isBlank() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** True if the stack will run a clamd (the binary exists). */
  public static boolean available() {
    return binary().isPresent();
  }

  /** Writes configuration and signatures, starts clamd and waits until it answers PING. */
  public static LocalClamd start(StackConfig config) {
    Path clamd =
        binary()
            .orElseThrow(
                () ->
                    new StackException(
                        "clamd ist nicht installiert / is not installed (apt-get install clamav-daemon)"));
    ManagedProcess.reclaimOrphan("clamd", pidFile(config), configFile(config).toString());
    try {
      prepare(config);
    } catch (IOException e) {
      throw new StackException(
          "clamd konnte nicht vorbereitet werden / could not be prepared: " + e.getMessage(), e);
    }
    ManagedProcess process =
        ManagedProcess.start(
            "clamd",
            List.of(clamd.toString(), "--config-file=" + configFile(config)),
            home(config),
            Map.of(),
            logFile(config),
            pidFile(config));
    LocalClamd local = new LocalClamd(config, process);
    try {
      awaitPong(config, process);
    } catch (RuntimeException e) {
      local.stop();
      throw e;
    }
    return local;
  }

  static void prepare(StackConfig config) throws IOException {
    Path db = databaseDirectory(config);
    Files.createDirectories(db);
    Files.createDirectories(config.logDir());
    // Only our signatures: anything else in the folder would be loaded as well.
    try (Stream<Path> files = Files.list(db)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!SIGNATURES.contains(file.getFileName().toString())) {
          Files.deleteIfExists(file);
        }
      }
    }
    for (String name : SIGNATURES) {
      try (InputStream in = LocalClamd.class.getResourceAsStream("/clamav/" + name)) {
        if (in == null) {
          throw new IOException("signature file clamav/" + name + " missing from the launcher");
        }
        Files.copy(in, db.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(configFile(config), configuration(config), StandardCharsets.UTF_8);
  }

  /** The generated clamd.conf; see the class comment for why each line is there. */
  static String configuration(StackConfig config) {
    return String.join(
        "\n",
        "# Generated by the Rathaus launcher on every start; edits are overwritten.",
        "TCPSocket " + config.clamdPort(),
        "TCPAddr 127.0.0.1",
        "Foreground yes",
        "DatabaseDirectory " + databaseDirectory(config),
        "LogFile " + config.logDir().resolve("clamd.log"),
        "LogTime yes",
        "LogFileMaxSize 5M",
        // Above the catalogue's largest allowed attachment (50 MB), so clamd never cuts a file
        // short.
        "StreamMaxLength 64M",
        "MaxThreads 4",
        "SelfCheck 3600",
        "");
  }

  private static void awaitPong(StackConfig config, ManagedProcess process) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new StackException(
            "clamd hat sich beendet / exited during start-up. Log: "
                + process.logFile()
                + ", "
                + config.logDir().resolve("clamd.log"));
      }
      if (ping(config.clamdPort())) {
        return;
      }
      ManagedProcess.sleep(250);
    }
    throw new StackException(
        "clamd ist nach "
            + START_TIMEOUT.toSeconds()
            + " s nicht bereit / not ready. Log: "
            + process.logFile());
  }

  /** True if a clamd on 127.0.0.1:port answers {@code zPING} with {@code PONG}. */
  public static boolean ping(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = socket.getInputStream().readNBytes(5);
      return new String(reply, StandardCharsets.US_ASCII).startsWith("PONG");
    } catch (IOException e) {
      return false;
    }
  }

  public static Path home(StackConfig config) {
    return config.dataDir().resolve("clamd");
  }

  static Path databaseDirectory(StackConfig config) {
    return home(config).resolve("db");
  }

  static Path configFile(StackConfig config) {
    return home(config).resolve("clamd.conf");
  }

  public static Path logFile(StackConfig config) {
    return config.logDir().resolve("clamd-console.log");
  }

  static Path pidFile(StackConfig config) {
    return config.dataDir().resolve("run/clamd.pid");
  }

  public int port() {
    return config.clamdPort();
  }

  public void stop() {
    LOG.debug("Stopping clamd");
    process.stop(Duration.ofSeconds(10));
  }

  @Override
  public void close() {
    stop();
  }
}
