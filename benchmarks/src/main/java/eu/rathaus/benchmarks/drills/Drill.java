package eu.rathaus.benchmarks.drills;

/** What the drills have in common: a verdict line and its evidence. */
public final class Drill {

  private Drill() {}

  /**
   * A drill's outcome: printed as {@code VERDICT <name>: PASS|FAIL <evidence>}; {@code details}
   * (Markdown) goes into the results file.
   */
  public record Verdict(String name, boolean passed, String evidence, String details) {

    static Verdict pass(String name, String evidence) {
      return new Verdict(name, true, evidence, "");
    }

    static Verdict fail(String name, String evidence) {
      return new Verdict(name, false, evidence, "");
    }

    Verdict withDetails(String markdown) {
      return new Verdict(name, passed, evidence, markdown);
    }

    public String line() {
      return "VERDICT " + name + ": " + (passed ? "PASS" : "FAIL") + " " + evidence;
    }
  }
}
