package eu.rathaus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's table: one row per query, plan summaries of a page view joined with "+". */
class ReportTest {

  private final PlanSummary index =
      new PlanSummary(List.of("case_record_inbox_due_idx"), List.of(), 27, 30, 1, 0.2);
  private final PlanSummary seq =
      new PlanSummary(List.of(), List.of("case_record"), 700000, 9000, 8000, 500);

  @Test
  void aRowPerQueryWithSamplesAndPlans() {
    String table =
        Report.table(
            List.of(
                new Report.Result(
                    "first page",
                    26,
                    200,
                    0.404,
                    0.55,
                    3.19,
                    List.of(index),
                    List.of("select 1"),
                    List.of("plan")),
                new Report.Result(
                    "counters",
                    7,
                    20,
                    674.2,
                    774.4,
                    777.6,
                    List.of(seq, index),
                    List.of("a", "b"),
                    List.of("p1", "p2"))));
    assertThat(table.lines()).hasSize(4);
    assertThat(table)
        .contains(
            "| first page | 26 | 200 | 0.40 | 0.55 | 3.19 | idx case_record_inbox_due_idx; 27 rows examined;"
                + " 31 buffers (1 read) |");
    assertThat(table)
        .contains(
            "| counters | 7 | 20 | 674.20 | 774.40 | 777.60 | SEQ SCAN case_record; 700000 rows examined;"
                + " 17000 buffers (8000 read) + idx case_record_inbox_due_idx");
  }

  @Test
  void theMarkdownCarriesEveryPlan() {
    String md =
        Report.markdown(
            "- cases: 1\n",
            List.of(
                new Report.Result(
                    "counters",
                    7,
                    20,
                    1,
                    2,
                    3,
                    List.of(seq, index),
                    List.of("sql a", "sql b"),
                    List.of("p1", "p2"))));
    assertThat(md).contains("- cases: 1", "### counters", "sql a", "sql b", "p1", "p2");
  }
}
