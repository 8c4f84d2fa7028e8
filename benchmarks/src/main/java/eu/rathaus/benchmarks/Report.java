package eu.rathaus.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The benchmark's results as a Markdown table (stdout and {@code target/inbox-benchmark.md}). */
final class Report {

  private Report() {}

  /**
   * One measured query.
   *
   * @param rows rows of the (first) statement
   * @param samples measured iterations (fewer than planned when the time budget ran out)
   * @param plans one {@code EXPLAIN (ANALYZE, BUFFERS)} per statement
   */
  record Result(
      String name,
      int rows,
      int samples,
      double p50,
      double p95,
      double max,
      List<PlanSummary> summaries,
      List<String> sql,
      List<String> plans) {}

  static String line(Result r) {
    return String.format(
        Locale.ROOT,
        "%-45s rows %3d  n %3d  p50 %8.2f ms  p95 %8.2f ms  max %8.2f ms  | %s",
        r.name(),
        r.rows(),
        r.samples(),
        r.p50(),
        r.p95(),
        r.max(),
        plans(r));
  }

  static String table(List<Result> results) {
    StringBuilder s =
        new StringBuilder(
            "| query | rows | n | p50 ms | p95 ms | max ms | plan (index; rows examined; buffers) |\n"
                + "|---|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.2f | %.2f | %.2f | %s |%n",
              r.name(),
              r.rows(),
              r.samples(),
              r.p50(),
              r.p95(),
              r.max(),
              plans(r).replace("|", "/")));
    }
    return s.toString();
  }

  static String markdown(String setup, List<Result> results) {
    StringBuilder s =
        new StringBuilder("# Inbox benchmark\n\n")
            .append("Run ")
            .append(Instant.now())
            .append("\n\n")
            .append(setup)
            .append('\n')
            .append(table(results))
            .append("\n## Plans\n");
    for (Result r : results) {
      s.append("\n### ").append(r.name()).append('\n');
      for (int i = 0; i < r.plans().size(); i++) {
        s.append("\n```sql\n")
            .append(r.sql().get(i))
            .append("\n```\n\n```text\n")
            .append(r.plans().get(i))
            .append("\n```\n");
      }
    }
    return s.toString();
  }

  private static String plans(Result r) {
    return r.summaries().stream().map(PlanSummary::oneLine).collect(Collectors.joining(" + "));
  }
}
