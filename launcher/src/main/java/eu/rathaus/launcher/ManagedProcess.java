package eu.rathaus.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process (Keycloak, WildFly) with its log file and a pid file.
 *
 * <p>The pid file exists because a {@code kill -9} of the launcher leaves the children running: the
 * next start finds them through it and ends them ({@link #reclaimOrphan}) instead of failing on
 * "port in use" forever.
 */
final class ManagedProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Path pidFile;

  private ManagedProcess(String name, Process process, Path logFile, Path pidFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.pidFile = pidFile;
  }

  static ManagedProcess start(
      String name,
      List<String> command,
      Path workDir,
      Map<String, String> env,
      Path logFile,
      Path pidFile) {
    try {
      Files.createDirectories(logFile.getParent());
      Files.createDirectories(pidFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      Files.writeString(pidFile, Long.toString(process.pid()));
      LOG.debug("{} started as pid {}", name, process.pid());
      return new ManagedProcess(name, process, logFile, pidFile);
    } catch (IOException e) {
      throw new StackException(
          name + " konnte nicht gestartet werden / could not be started: " + e.getMessage(), e);
    }
  }

  /**
   * Ends a process left behind by a launcher that died without cleaning up. Only a process whose
   * command line mentions {@code marker} (its home folder inside the data folder) is touched, so a
   * recycled pid belonging to something else is never killed.
   */
  static void reclaimOrphan(String name, Path pidFile, String marker) {
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isPresent() && handle.get().isAlive() && mentions(handle.get(), marker)) {
        LOG.info("Beende verwaisten {}-Prozess {} / stopping orphaned {} process", name, pid, name);
        stopTree(handle.get(), Duration.ofSeconds(30));
      }
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Could not read pid file {}: {}", pidFile, e.toString());
    }
  }

  private static boolean mentions(ProcessHandle handle, String marker) {
    if (handle.info().commandLine().map(line -> line.contains(marker)).orElse(false)) {
      return true;
    }
    return handle
        .descendants()
        .anyMatch(
            child -> child.info().commandLine().map(line -> line.contains(marker)).orElse(false));
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /**
   * Polls {@code url} until the status matches or the timeout passes. Fails fast if the process
   * exits, so a broken configuration is reported in seconds, not after the full timeout.
   */
  void awaitHttp(String url, IntPredicate acceptStatus, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new StackException(
            name
                + " hat sich beendet (Exit-Code "
                + process.exitValue()
                + ") / exited during start-up. Log: "
                + logFile);
      }
      if (acceptStatus.test(status(request))) {
        return;
      }
      sleep(500);
    }
    throw new StackException(
        name
            + " ist nach "
            + timeout.toSeconds()
            + " s nicht bereit / not ready after "
            + timeout.toSeconds()
            + " s ("
            + url
            + "). Log: "
            + logFile);
  }

  /** HTTP status of a GET, or -1 if nothing answers. */
  static int status(String url) {
    return status(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build());
  }

  private static int status(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Unterbrochen / interrupted", e);
    }
  }

  /** Graceful stop of the whole tree, forced after {@code grace}; removes the pid file. */
  void stop(Duration grace) {
    stopTree(process.toHandle(), grace);
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Children first, because the start scripts ({@code standalone.sh}) only forward a signal while
   * they are alive, and a JVM whose script died first would be left running. SIGTERM everywhere,
   * wait, then SIGKILL what is left.
   */
  static void stopTree(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().collect(Collectors.toList()));
    Collections.reverse(tree);
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    CompletableFuture<?>[] exits =
        tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      tree.stream()
          .filter(ProcessHandle::isAlive)
          .forEach(
              p -> {
                LOG.warn(
                    "Process {} did not stop within {} s, killing it", p.pid(), grace.toSeconds());
                p.destroyForcibly();
              });
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Unterbrochen / interrupted", e);
    }
  }
}
