package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive with a real JVM: the first run records, the launcher's dump writes an
 * archive, and a second JVM maps it. {@code -Xshare:on} makes the second JVM refuse to start when
 * the archive is unusable, so a broken dump fails this test.
 */
class ClassDataArchiveTest {

  @TempDir Path dir;

  @Test
  void aRunningJvmIsDumpedOnceAndItsArchiveIsMappedByTheNextStart() throws Exception {
    ClassDataArchive archive = ClassDataArchive.at(dir.resolve("cds/app.jsa"));
    assertThat(archive.exists()).isFalse();
    assertThat(archive.javaOptions()).isEqualTo("-XX:+RecordDynamicDumpInfo");

    String marker = "cds-marker-" + System.nanoTime();
    Process first = startShell(archive.javaOptions(), marker, "60");
    try {
      awaitRunning(first, marker);
      archive.dumpFrom(first.toHandle(), marker);
    } finally {
      first.destroyForcibly();
      first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    assertThat(archive.exists()).isTrue();
    assertThat(Files.size(archive.file())).isPositive();
    assertThat(dir.resolve("cds/app.jsa.part")).doesNotExist();
    assertThat(archive.javaOptions()).isEqualTo("-XX:SharedArchiveFile=" + archive.file());

    Process second =
        new ProcessBuilder(
                java(),
                "-Xshare:on",
                archive.javaOptions(),
                "-Xlog:cds=info,class+load=info",
                "-cp",
                sleeperJar().toString(),
                Sleeper.class.getName(),
                marker,
                "0")
            .redirectErrorStream(true)
            .start();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output).contains("Opened archive " + archive.file());
    // The program's own class comes from the dynamic archive (its "top" layer), not its jar.
    assertThat(output).contains(Sleeper.class.getName() + " source: shared objects file (top)");
  }

  @Test
  void aFailedDumpLeavesNoArchive() throws Exception {
    ClassDataArchive archive = ClassDataArchive.at(dir.resolve("cds/none.jsa"));
    String marker = "cds-none-" + System.nanoTime();
    // Without -XX:+RecordDynamicDumpInfo the JVM refuses the dynamic dump.
    Process jvm = startShell("-Xshare:auto", marker, "60");
    try {
      awaitRunning(jvm, marker);
      archive.dumpFrom(jvm.toHandle(), marker);
    } finally {
      jvm.destroyForcibly();
      jvm.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(archive.exists()).isFalse();
    assertThat(dir.resolve("cds/none.jsa.part")).doesNotExist();
  }

  @Test
  void theKeyChangesWithEveryPart() {
    String key = ClassDataArchive.key("/jdk", "17.0.15", "/data/wildfly", "1");
    assertThat(key).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(ClassDataArchive.key("/jdk", "17.0.15", "/data/wildfly", "1")).isEqualTo(key);
    assertThat(ClassDataArchive.key("/jdk", "17.0.16", "/data/wildfly", "1")).isNotEqualTo(key);
    assertThat(ClassDataArchive.key("/jdk", "17.0.15", "/data/wildfly", "2")).isNotEqualTo(key);
  }

  @Test
  void stackConfigTurnsItOffOnRequest() {
    Path project = Path.of("").toAbsolutePath().getParent();
    assertThat(StackConfig.fromEnvironment(project, Map.of()).classDataSharing()).isTrue();
    assertThat(
            StackConfig.fromEnvironment(project, Map.of("RATHAUS_CDS", "false")).classDataSharing())
        .isFalse();
  }

  /** A shell that runs the JVM as its child, as standalone.sh runs WildFly. */
  private Process startShell(String option, String marker, String seconds) throws IOException {
    List<String> javaCommand = new ArrayList<>();
    javaCommand.add(java());
    // Early on the command line: the kernel gives Java only the first few KiB of it.
    javaCommand.add("-Dtest.marker=" + marker);
    javaCommand.add(option);
    javaCommand.add("-cp");
    javaCommand.add(sleeperJar().toString());
    javaCommand.add(Sleeper.class.getName());
    javaCommand.add(marker);
    javaCommand.add(seconds);
    String line =
        String.join(" ", javaCommand.stream().map(ClassDataArchiveTest::quoted).toList())
            + "; true";
    return new ProcessBuilder("sh", "-c", line)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("jvm.log").toFile())
        .start();
  }

  private void awaitRunning(Process shell, String marker) throws Exception {
    Path log = dir.resolve("jvm.log");
    for (int i = 0; i < 300; i++) {
      if (Files.exists(log) && Files.readString(log).contains("running " + marker)) {
        return;
      }
      assertThat(shell.isAlive()).as("the JVM exited: %s", Files.readString(log)).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("JVM not running after 30 s: " + Files.readString(log));
  }

  /**
   * The test program in a jar of its own: a CDS dump refuses class path directories that hold
   * classes (Maven's {@code target/classes}) and ends the JVM; WildFly's class path is one jar too.
   */
  private Path sleeperJar() throws IOException {
    Path jar = dir.resolve("sleeper.jar");
    if (Files.exists(jar)) {
      return jar;
    }
    String entry = Sleeper.class.getName().replace('.', '/') + ".class";
    try (InputStream in = Sleeper.class.getClassLoader().getResourceAsStream(entry);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The program of the test JVMs: loads a few classes, says it runs, then waits. */
  public static final class Sleeper {
    public static void main(String[] args) throws Exception {
      // Some work, so the archive holds more than the JDK's default classes.
      Map<String, List<Integer>> m = new java.util.TreeMap<>();
      m.computeIfAbsent(args[0], k -> new ArrayList<>()).add(args[0].length());
      System.out.println("running " + args[0] + " " + m.size());
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]) * 1000);
    }
  }
}
