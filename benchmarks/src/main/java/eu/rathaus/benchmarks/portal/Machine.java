package eu.rathaus.benchmarks.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a result was measured on, and how busy it was. */
record Machine(String cpu, int cores, long memoryMiB, String os, String java) {

  static Machine describe() {
    String cpu = "?";
    long mem = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          mem = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      // not Linux: the fields stay unknown
    }
    return new Machine(
        cpu,
        Runtime.getRuntime().availableProcessors(),
        mem,
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  /** The one-minute load average (other work on a shared machine shows here). */
  static double loadAverage() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/loadavg"));
      return Double.parseDouble(lines.get(0).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  String markdown() {
    return String.format(
        Locale.ROOT,
        "Machine: %s, %d cores visible to the JVM, %,d MiB RAM, %s, %s.",
        cpu,
        cores,
        memoryMiB,
        os,
        java);
  }
}
