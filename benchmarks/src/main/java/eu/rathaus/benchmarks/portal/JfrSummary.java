package eu.rathaus.benchmarks.portal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's time and memory went, from a flight recording of WildFly: CPU samples by the
 * framework they are spent in (inclusive: a sample counts for every layer on its stack), the
 * hottest top frames, and sampled allocation by class.
 */
final class JfrSummary {

  /** Layers by package prefix, in the order a request passes them. */
  private static final Map<String, String> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("io.undertow.", "Undertow (HTTP)");
    LAYERS.put("org.wildfly.security.", "Elytron / OIDC");
    LAYERS.put("org.wildfly.extension.undertow.", "Undertow (WildFly glue)");
    LAYERS.put("com.sun.faces.", "Faces (Mojarra)");
    LAYERS.put("org.primefaces.", "PrimeFaces");
    LAYERS.put("org.jboss.weld.", "CDI (Weld)");
    LAYERS.put("org.jboss.as.ejb3.", "EJB");
    LAYERS.put("eu.rathaus.", "Rathaus code");
    LAYERS.put("org.hibernate.", "Hibernate");
    LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
    LAYERS.put("com.fasterxml.jackson.", "Jackson");
    LAYERS.put("org.jsoup.", "jsoup");
    LAYERS.put("java.util.zip.", "java.util.zip");
    LAYERS.put("sun.security.", "JDK crypto");
    LAYERS.put("javax.crypto.", "JDK crypto");
  }

  private JfrSummary() {}

  static String markdown(Path recording) throws IOException {
    long samples = 0;
    Map<String, Long> layers = new HashMap<>();
    Map<String, Long> topFrames = new HashMap<>();
    Map<String, Long> firstAppFrames = new HashMap<>();
    Map<String, Long> allocByClass = new HashMap<>();
    long allocTotal = 0;
    long gcPauses = 0;
    double gcPauseMs = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.ExecutionSample")) {
        RecordedStackTrace st = e.getStackTrace();
        if (st == null || st.getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = st.getFrames();
        topFrames.merge(name(frames.get(0)), 1L, Long::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecordedFrame f : frames) {
          String cls = f.getMethod().getType().getName();
          for (Map.Entry<String, String> l : LAYERS.entrySet()) {
            if (cls.startsWith(l.getKey()) && seen.add(l.getValue())) {
              layers.merge(l.getValue(), 1L, Long::sum);
            }
          }
        }
        for (RecordedFrame f : frames) {
          if (f.getMethod().getType().getName().startsWith("eu.rathaus.")) {
            firstAppFrames.merge(name(f), 1L, Long::sum);
            break;
          }
        }
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long weight = e.getLong("weight");
        allocTotal += weight;
        allocByClass.merge(e.getClass("objectClass").getName(), weight, Long::sum);
      } else if (type.equals("jdk.GarbageCollection")) {
        gcPauses++;
        gcPauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
      }
    }
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%d CPU samples of WildFly; %d garbage collections, %.0f ms of pauses in total;"
                + " %.0f MiB allocated (sampled estimate).%n%n",
            samples,
            gcPauses,
            gcPauseMs,
            allocTotal / 1048576.0));
    s.append("| layer (inclusive) | share of CPU samples |\n|---|---:|\n");
    for (Map.Entry<String, Long> e : sorted(layers, 20)) {
      s.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", e.getKey(), pct(e, samples)));
    }
    s.append("\n| hottest top frame | share |\n|---|---:|\n");
    for (Map.Entry<String, Long> e : sorted(topFrames, 15)) {
      s.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(), pct(e, samples)));
    }
    s.append("\n| innermost Rathaus frame on the stack | share |\n|---|---:|\n");
    for (Map.Entry<String, Long> e : sorted(firstAppFrames, 12)) {
      s.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(), pct(e, samples)));
    }
    s.append("\n| allocated class (sampled) | MiB | share |\n|---|---:|---:|\n");
    for (Map.Entry<String, Long> e : sorted(allocByClass, 12)) {
      s.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %.0f | %.1f %% |%n",
              e.getKey(),
              e.getValue() / 1048576.0,
              pct(e, allocTotal)));
    }
    return s.toString();
  }

  private static double pct(Map.Entry<String, Long> e, long total) {
    return total == 0 ? 0 : 100.0 * e.getValue() / total;
  }

  private static List<Map.Entry<String, Long>> sorted(Map<String, Long> map, int limit) {
    return map.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .collect(Collectors.toList());
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
