package eu.rathaus.benchmarks.portal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.benchmarks.drills.Drill;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A partial drill run merged into the latest results. */
class DrillsTest {

  private static final String EARLIER =
      """
      ## Drills

      Run 2026-12-07T13:43:19.885Z. Machine: test. Load average (1 min) at the end: 30.00.

      ```text
      VERDICT fuzzing: FAIL old fuzz
      VERDICT audit-tampering: PASS 120/120
      VERDICT smtp-down: FAIL old smtp
      ```

      ### fuzzing

      old fuzz table

      ### audit-tampering

      tamper table

      ### smtp-down

      """;

  @Test
  void aPartialRunReplacesOnlyItsOwnVerdictsAndKeepsTheOthersWithTheirRun() {
    String now =
        """
        ## Drills

        Run 2026-12-07T14:10:00Z. Machine: test. Load average (1 min) at the end: 20.00.

        ```text
        VERDICT fuzzing: PASS new fuzz
        ```

        ### fuzzing

        new fuzz table
        """;
    String merged =
        Drills.keepEarlier(
            now,
            EARLIER,
            List.of(new Drill.Verdict("fuzzing", true, "new fuzz", "new fuzz table")));

    assertThat(merged)
        .contains("VERDICT fuzzing: PASS new fuzz")
        .doesNotContain("old fuzz")
        .contains("VERDICT audit-tampering: PASS 120/120 (run 2026-12-07T13:43:19)")
        .contains("VERDICT smtp-down: FAIL old smtp (run 2026-12-07T13:43:19)")
        .contains("### audit-tampering", "tamper table", "new fuzz table")
        .contains("Only fuzzing re-run now");
    assertThat(merged.indexOf("VERDICT audit-tampering")).isLessThan(merged.indexOf("```\n\n###"));
  }
}
