package eu.rathaus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading PostgreSQL 18's text plans (fractional row counts included). */
class PlanSummaryTest {

  @Test
  void anIndexWalkUnderALimit() {
    PlanSummary p =
        PlanSummary.parse(
            List.of(
                "Limit  (cost=0.85..30.10 rows=26 width=180) (actual time=0.050..0.210 rows=26.00 loops=1)",
                "  Buffers: shared hit=40 read=2",
                "  ->  Nested Loop  (cost=0.85..800000.00 rows=700000 width=180) (actual time=0.049..0.200 rows=26.00 loops=1)",
                "        ->  Index Scan using case_record_inbox_due_idx on case_record c  (cost=0.42..1.00 rows=700000 width=150)"
                    + " (actual time=0.030..0.100 rows=26.00 loops=1)",
                "              Index Cond: (municipality_id = '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001'::uuid)",
                "              Filter: ((rathaus_scope() = 'platform'::text) OR (municipality_id = rathaus_municipality()))",
                "              Rows Removed by Filter: 3",
                "        ->  Index Scan using service_definition_pkey on service_definition d  (cost=0.14..0.16 rows=1 width=40)"
                    + " (actual time=0.001..0.001 rows=1.00 loops=26)",
                "Planning Time: 0.500 ms",
                "Execution Time: 0.250 ms"));
    assertThat(p.indexes()).containsExactly("case_record_inbox_due_idx", "service_definition_pkey");
    assertThat(p.seqScans()).isEmpty();
    assertThat(p.rowsExamined()).isEqualTo(26 + 3 + 26);
    assertThat(p.sharedHit()).isEqualTo(40);
    assertThat(p.sharedRead()).isEqualTo(2);
    assertThat(p.executionMillis()).isEqualTo(0.25);
    assertThat(p.oneLine())
        .startsWith("idx case_record_inbox_due_idx, service_definition_pkey; 55 rows examined");
  }

  @Test
  void aSequentialScanAndABitmapAreNamed() {
    PlanSummary p =
        PlanSummary.parse(
            List.of(
                "HashAggregate  (cost=1..2 rows=7 width=16) (actual time=90.0..90.1 rows=7.00 loops=1)",
                "  Buffers: shared hit=1000",
                "  ->  Seq Scan on case_record c  (cost=0..1 rows=1 width=8) (actual time=0.01..80.0 rows=700000.00 loops=1)",
                "        Rows Removed by Filter: 300000",
                "  ->  Bitmap Heap Scan on case_application a  (cost=0..1 rows=1 width=8) (actual time=0.01..1.0 rows=10.00 loops=1)",
                "        ->  Bitmap Index Scan on case_application_reference_uk  (cost=0..1 rows=1 width=0)"
                    + " (actual time=0.01..0.02 rows=10.00 loops=1)",
                "Execution Time: 90.500 ms"));
    assertThat(p.seqScans()).containsExactly("case_record");
    assertThat(p.indexes()).containsExactly("case_application_reference_uk");
    assertThat(p.rowsExamined()).isEqualTo(1_000_010);
    assertThat(p.sharedRead()).isZero();
    assertThat(p.oneLine()).contains("SEQ SCAN case_record");
  }
}
