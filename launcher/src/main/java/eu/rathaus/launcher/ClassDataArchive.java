package eu.rathaus.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WildFly's dynamic class-data archive (AppCDS, JEP 350): the classes a started portal has loaded,
 * parsed and verified once and mapped into every later start, so a restarted server (a crash, the
 * supervisor's restart, the kill drill of issue 16) is ready sooner. Measured on the 2-core
 * machine, idle, four alternating pairs in one run: ready after 18.5–19.6 s without the archive,
 * 15.3–17.0 s with it.
 *
 * <p>The first start of a server runs with {@code -XX:+RecordDynamicDumpInfo}; once it is ready the
 * launcher asks the JVM for the archive ({@code jcmd <pid> VM.cds dynamic_dump}, Java 17+), and
 * every later start maps it ({@code -XX:SharedArchiveFile}). The archive belongs to one JVM build
 * and one provisioned server (its file name carries a digest of both), so a new JDK or a rebuilt
 * server makes a new one. A rebuilt WAR keeps the archive: the JVM checks every archived class of a
 * module class loader against its class file (size and CRC) and loads changed ones the normal way.
 * A JVM that cannot use an archive ignores it and starts as before ({@code -Xshare:auto}), and a
 * failed dump is logged and changes nothing. {@code RATHAUS_CDS=false} turns it off.
 */
final class ClassDataArchive {

  private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
  private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(3);
  private static final String SUFFIX = ".jsa";

  private final Path file;

  private ClassDataArchive(Path file) {
    this.file = file;
  }

  /** The archive for the server in {@code home}, run by the launcher's JVM. */
  static ClassDataArchive of(StackConfig config, Path home) {
    String key =
        key(
            System.getProperty("java.home"),
            System.getProperty("java.vm.version"),
            home.toAbsolutePath().normalize().toString(),
            modifiedMillis(config.provisionedServer().resolve("jboss-modules.jar")));
    return new ClassDataArchive(folder(config).resolve("wildfly-" + key + SUFFIX));
  }

  static Path folder(StackConfig config) {
    return config.dataDir().resolve("cds");
  }

  /** An archive at a given place (tests). */
  static ClassDataArchive at(Path file) {
    return new ClassDataArchive(file);
  }

  /** The first 16 hex digits of SHA-256 over the parts, one per line. */
  static String key(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String modifiedMillis(Path path) {
    try {
      return Long.toString(Files.getLastModifiedTime(path).toMillis());
    } catch (IOException e) {
      return "unknown";
    }
  }

  Path file() {
    return file;
  }

  boolean exists() {
    return Files.isRegularFile(file);
  }

  /**
   * The JVM options for the next start: map the archive when it exists, else record what a later
   * dump needs.
   */
  String javaOptions() {
    return exists() ? "-XX:SharedArchiveFile=" + file : "-XX:+RecordDynamicDumpInfo";
  }

  /**
   * After the first start: writes the archive from the running WildFly JVM (a descendant of {@code
   * standalone.sh}), before the start counts as done: the JVM writes the archive at a safepoint, so
   * every request would wait that long, and a restart right after needs the archive complete. Once
   * per server build; 74 s for 162 MiB measured at load 28 on the 2-core machine, far less idle.
   * Every failure is logged and leaves no file behind.
   */
  void dumpFrom(ProcessHandle startScript) {
    dumpFrom(startScript, "jboss-modules.jar");
  }

  /**
   * As {@link #dumpFrom(ProcessHandle)}: the JVM is the descendant whose command names {@code
   * marker}.
   */
  void dumpFrom(ProcessHandle root, String marker) {
    if (exists()) {
      return;
    }
    Optional<ProcessHandle> jvm =
        root.descendants()
            .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
            .findFirst();
    Optional<Path> jcmd =
        jvm.flatMap(p -> p.info().command())
            .map(java -> Path.of(java).resolveSibling("jcmd"))
            .filter(Files::isExecutable);
    if (jvm.isEmpty() || jcmd.isEmpty()) {
      LOG.debug("No class-data archive: WildFly's JVM or its jcmd not found");
      return;
    }
    Path partial = file.resolveSibling(file.getFileName() + ".part");
    Path output = file.resolveSibling(file.getFileName() + ".jcmd.log");
    long started = System.nanoTime();
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(partial);
      Process dump =
          new ProcessBuilder(
                  jcmd.get().toString(),
                  Long.toString(jvm.get().pid()),
                  "VM.cds",
                  "dynamic_dump",
                  partial.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()))
              .start();
      if (!dump.waitFor(DUMP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        dump.destroyForcibly();
        throw new IOException("jcmd did not finish within " + DUMP_TIMEOUT.toSeconds() + " s");
      }
      if (dump.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
        throw new IOException(
            "jcmd VM.cds dynamic_dump exited with "
                + dump.exitValue()
                + ": "
                + Files.readString(output).strip().replaceAll("\\s+", " "));
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      deleteQuietly(output);
      removeOthers();
      LOG.info(
          "Klassenarchiv für schnellere Neustarts angelegt / class-data archive written: {} ({} MiB,"
              + " {} s)",
          file.getFileName(),
          Files.size(file) >> 20,
          LocalKeycloak.seconds(started));
    } catch (IOException e) {
      LOG.warn("Class-data archive not written ({}); WildFly starts without it", e.getMessage());
      deleteQuietly(partial);
      deleteQuietly(output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deleteQuietly(partial);
    }
  }

  /** Older archives (another JDK or server build) only take disk space. */
  private void removeOthers() throws IOException {
    try (Stream<Path> files = Files.list(file.getParent())) {
      List<Path> others =
          files
              .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
              .filter(p -> !p.equals(file))
              .toList();
      for (Path other : others) {
        deleteQuietly(other);
      }
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.debug("Could not delete {}: {}", path, e.toString());
    }
  }
}
