package eu.rathaus.benchmarks.drills;

/** What the drills have in common: a verdict line and its evidence. */
public final class Drill {

  private Drill() {}

  /** The single number a query answers (a count, a maximum). */
  public static long scalar(javax.sql.DataSource db, String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = db.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

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
