package eu.rathaus.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gist of an {@code EXPLAIN (ANALYZE, BUFFERS)} text plan: which indexes were used, whether a
 * table was read sequentially, how many rows were looked at to produce the result, and the buffers
 * touched. This is what decides whether a query stays fast as the table grows, which the timings on
 * one machine alone cannot show.
 *
 * @param indexes indexes scanned, in plan order
 * @param seqScans tables read by a sequential scan
 * @param rowsExamined rows the scans produced plus the rows their filters threw away
 * @param sharedHit shared buffers found in cache (whole plan)
 * @param sharedRead shared buffers read from disk or OS cache (whole plan)
 * @param executionMillis the server's own execution time
 */
public record PlanSummary(
    List<String> indexes,
    List<String> seqScans,
    long rowsExamined,
    long sharedHit,
    long sharedRead,
    double executionMillis) {

  private static final Pattern SCAN =
      Pattern.compile(
          "(Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: Backward)?(?: using (\\S+))? on (\\S+)");
  private static final Pattern ACTUAL =
      Pattern.compile("actual time=\\S+ rows=([0-9.]+) loops=([0-9]+)");
  private static final Pattern REMOVED =
      Pattern.compile("Rows Removed by (?:Filter|Index Recheck|Join Filter): ([0-9.]+)");
  private static final Pattern BUFFERS =
      Pattern.compile("Buffers: shared(?: hit=([0-9]+))?(?: read=([0-9]+))?");
  private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

  public PlanSummary {
    indexes = List.copyOf(indexes);
    seqScans = List.copyOf(seqScans);
  }

  /** Reads the text form of a plan, one line per element of {@code lines}. */
  public static PlanSummary parse(List<String> lines) {
    Set<String> indexes = new LinkedHashSet<>();
    Set<String> seqScans = new LinkedHashSet<>();
    double examined = 0;
    long loops = 1;
    long hit = -1;
    long read = -1;
    double execution = Double.NaN;
    for (String line : lines) {
      Matcher actual = ACTUAL.matcher(line);
      boolean hasActual = actual.find();
      if (hasActual) {
        loops = Long.parseLong(actual.group(2));
      }
      Matcher scan = SCAN.matcher(line);
      if (scan.find()) {
        String kind = scan.group(1);
        if (kind.equals("Seq Scan")) {
          seqScans.add(scan.group(3));
        } else if (kind.equals("Bitmap Index Scan")) {
          indexes.add(scan.group(3));
        } else if (scan.group(2) != null) {
          indexes.add(scan.group(2));
        }
        // A bitmap index scan's rows are fetched again by its heap scan: count them once, there.
        if (hasActual && !kind.equals("Bitmap Index Scan")) {
          examined += Double.parseDouble(actual.group(1)) * loops;
        }
      }
      Matcher removed = REMOVED.matcher(line);
      if (removed.find()) {
        examined += Double.parseDouble(removed.group(1)) * loops;
      }
      Matcher buffers = BUFFERS.matcher(line);
      if (hit < 0
          && read < 0
          && buffers.find()
          && (buffers.group(1) != null || buffers.group(2) != null)) {
        // The first Buffers line belongs to the root node and includes all its children.
        hit = buffers.group(1) == null ? 0 : Long.parseLong(buffers.group(1));
        read = buffers.group(2) == null ? 0 : Long.parseLong(buffers.group(2));
      }
      Matcher exec = EXECUTION.matcher(line);
      if (exec.find()) {
        execution = Double.parseDouble(exec.group(1));
      }
    }
    return new PlanSummary(
        new ArrayList<>(indexes),
        new ArrayList<>(seqScans),
        Math.round(examined),
        Math.max(hit, 0),
        Math.max(read, 0),
        execution);
  }

  /** One line for a table cell, e.g. {@code idx case_record_inbox_due_idx; 26 rows; 31 buffers}. */
  public String oneLine() {
    StringBuilder s = new StringBuilder();
    if (!indexes.isEmpty()) {
      s.append("idx ").append(String.join(", ", indexes));
    }
    if (!seqScans.isEmpty()) {
      s.append(s.length() > 0 ? "; " : "").append("SEQ SCAN ").append(String.join(", ", seqScans));
    }
    s.append(s.length() > 0 ? "; " : "")
        .append(rowsExamined)
        .append(" rows examined; ")
        .append(sharedHit + sharedRead)
        .append(" buffers (")
        .append(sharedRead)
        .append(" read)");
    return s.toString();
  }
}
