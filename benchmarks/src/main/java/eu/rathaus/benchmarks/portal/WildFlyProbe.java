package eu.rathaus.benchmarks.portal;

import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.launcher.StackConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks into the running WildFly from outside, with the JDK's and WildFly's own tools: {@code jcmd}
 * (flight recording, full GC, heap), {@code /proc} (RSS) and {@code jboss-cli.sh} (Hibernate
 * statistics, HTTP sessions; local authentication as the same OS user, no management password).
 */
final class WildFlyProbe {

  private static final String PERSISTENCE_UNIT =
      "/deployment=rathaus.war/subsystem=jpa/hibernate-persistence-unit=rathaus.war#rathaus";

  private final StackConfig config;

  WildFlyProbe(StackConfig config) {
    this.config = config;
  }

  /** The server JVM: the java child of {@code standalone.sh}, whose pid the launcher keeps. */
  long javaPid() throws IOException {
    return jvmBelow(config.dataDir().resolve("run/wildfly.pid"));
  }

  /** The java process below the start script whose pid the launcher keeps in {@code pidFile}. */
  static long jvmBelow(Path pidFile) throws IOException {
    long script = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
    return ProcessHandle.of(script)
        .flatMap(
            p ->
                p.descendants()
                    .filter(d -> d.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst())
        .map(ProcessHandle::pid)
        .orElseThrow(() -> new IOException("No JVM below pid " + script + " (" + pidFile + ")"));
  }

  String jcmd(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    command.add(Long.toString(javaPid()));
    command.addAll(List.of(args));
    return run(command);
  }

  String cli(String operation) throws IOException, InterruptedException {
    return run(
        List.of(
            LocalWildFly.home(config).resolve("bin/jboss-cli.sh").toString(),
            "--connect",
            "--controller=remote+http://127.0.0.1:" + config.managementPort(),
            "--command=" + operation));
  }

  /** Turns Hibernate's statistics on (they cost a little; only for the profiled run). */
  void enableHibernateStatistics() throws IOException, InterruptedException {
    cli(PERSISTENCE_UNIT + ":write-attribute(name=statistics-enabled,value=true)");
  }

  /** Hibernate's counters of the portal's persistence unit (statements, queries, inserts …). */
  Map<String, Long> hibernateStatistics() throws IOException, InterruptedException {
    String out = cli(PERSISTENCE_UNIT + ":read-resource(include-runtime=true)");
    Map<String, Long> values = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"([a-z-]+-count)\" => (\\d+)L?").matcher(out);
    while (m.find()) {
      values.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return values;
  }

  /** Active HTTP sessions of the portal's deployment. */
  long activeSessions() throws IOException, InterruptedException {
    String out =
        cli("/deployment=rathaus.war/subsystem=undertow:read-attribute(name=active-sessions)");
    Matcher m = Pattern.compile("\"result\" => (\\d+)").matcher(out);
    if (!m.find()) {
      throw new IOException("No session count in: " + out);
    }
    return Long.parseLong(m.group(1));
  }

  /** Heap in use right after a full GC, in MiB ({@code GC.run}, then {@code GC.heap_info}). */
  double heapAfterFullGcMiB() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    // G1: "garbage-first heap   total 262144K, used 123456K"; other collectors print similar.
    Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new IOException("Unexpected GC.heap_info: " + info);
    }
    return Long.parseLong(m.group(2)) / 1024.0;
  }

  /** Committed heap and maximum heap, in MiB. */
  String heapSettings() throws IOException, InterruptedException {
    String flags = jcmd("VM.flags");
    Matcher max = Pattern.compile("MaxHeapSize=(\\d+)").matcher(flags);
    String gc =
        flags.contains("UseG1GC") ? "G1" : flags.contains("UseParallelGC") ? "Parallel" : "?";
    return (max.find() ? Long.parseLong(max.group(1)) / (1024 * 1024) + " MiB max heap" : "?")
        + ", "
        + gc;
  }

  /**
   * What the resident set consists of, as Markdown: anonymous vs. file-backed pages ({@code
   * /proc/<pid>/status}) and, when WildFly runs with {@code -XX:NativeMemoryTracking=summary}, the
   * JVM's own account by category (committed MiB).
   */
  String memoryBreakdown() throws IOException, InterruptedException {
    StringBuilder s = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("/proc/" + javaPid() + "/status"))) {
      if (line.startsWith("RssAnon:")
          || line.startsWith("RssFile:")
          || line.startsWith("RssShmem:")
          || line.startsWith("Threads:")) {
        String[] kv = line.split(":\\s*", 2);
        String value = kv[1].trim();
        s.append(s.length() == 0 ? "" : ", ")
            .append(kv[0])
            .append(' ')
            .append(
                value.endsWith("kB")
                    ? Math.round(Long.parseLong(value.replaceAll("\\D", "")) / 1024.0) + " MiB"
                    : value);
      }
    }
    s.insert(0, "Resident set: ").append(".\n");
    String nmt;
    try {
      nmt = jcmd("VM.native_memory", "summary", "scale=MB");
    } catch (IOException e) {
      nmt = "";
    }
    Matcher total = Pattern.compile("Total: reserved=\\d+MB, committed=(\\d+)MB").matcher(nmt);
    if (!total.find()) {
      return s.append("(Native Memory Tracking off: no JVM breakdown.)\n").toString();
    }
    s.append("\nNative Memory Tracking (committed MiB; total ")
        .append(total.group(1))
        .append("): ");
    Matcher category =
        Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)")
            .matcher(nmt);
    List<String> parts = new ArrayList<>();
    while (category.find()) {
      if (Long.parseLong(category.group(2)) > 0) {
        parts.add(category.group(1).trim() + " " + category.group(2));
      }
    }
    return s.append(String.join(", ", parts)).append(".\n").toString();
  }

  /** Resident set size of the server JVM, in MiB (VmRSS). */
  double rssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + javaPid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IOException("No VmRSS");
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
