package eu.rathaus.benchmarks;

import eu.rathaus.cases.domain.CaseRepository.InboxFilter;
import eu.rathaus.cases.domain.CaseRepository.InboxSort;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.cases.domain.Deadline;
import eu.rathaus.cases.infrastructure.InboxSql;
import eu.rathaus.launcher.LocalPostgres;
import eu.rathaus.launcher.StackConfig;
import eu.rathaus.migrations.DatabaseMigrator;
import eu.rathaus.statistics.infrastructure.StatisticsSql;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * The back-office inbox at a million cases: starts an embedded PostgreSQL of its own through the
 * launcher's {@link LocalPostgres} (same roles and durability settings as {@code ./rathaus up}),
 * migrates it with the project's Flyway scripts, seeds the cases once (kept in {@code
 * target/bench-data-<cases>} for the next run), and times the inbox's queries exactly as the portal
 * sends them ({@link InboxSql}) as the runtime role {@code rathaus} under a staff tenant scope, so
 * row-level security is part of what is measured.
 *
 * <p>A separate command ({@code ./mvnw -pl benchmarks -am verify -Pbench -DskipTests}), never a
 * timed unit test: timings depend on the machine and would make the build flaky.
 */
public final class InboxBenchmark {

  static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  /**
   * The portal's page size (InboxView.PAGE_SIZE) plus the one row that tells whether there is a
   * next page.
   */
  static final int LIMIT = 25 + 1;

  /** Samples every query gets, whatever the time budget. */
  static final int MIN_SAMPLES = 20;

  private final int cases;
  private final int budgetSeconds;
  private final int warmup;
  private final int iterations;
  private final Path target;

  private InboxBenchmark(Path target, int cases, int warmup, int iterations, int budgetSeconds) {
    this.target = target;
    this.budgetSeconds = budgetSeconds;
    this.cases = cases;
    this.warmup = warmup;
    this.iterations = iterations;
  }

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "benchmarks/target").toAbsolutePath();
    int cases = Integer.getInteger("bench.cases", 1_000_000);
    int port = Integer.getInteger("bench.port", 35432);
    StackConfig config =
        StackConfig.fromEnvironment(
            target,
            Map.of(
                "RATHAUS_DATA_DIR", target.resolve("bench-data-" + cases).toString(),
                "RATHAUS_POSTGRES_PORT", Integer.toString(port)));
    InboxBenchmark benchmark =
        new InboxBenchmark(
            target,
            cases,
            Integer.getInteger("bench.warmup", 30),
            Integer.getInteger("bench.iterations", 200),
            Integer.getInteger("bench.budgetSeconds", 15));
    try (LocalPostgres postgres = LocalPostgres.start(config)) {
      benchmark.run(postgres);
    }
  }

  /** A measured inbox query: the statements one page view runs for it, per iteration. */
  record Scenario(String name, IntFunction<List<InboxSql.Statement>> statements) {}

  private void run(LocalPostgres postgres) throws SQLException, IOException {
    StackConfig config = postgres.config();
    log("migrating " + config.jdbcUrl());
    DatabaseMigrator.Result migrated =
        DatabaseMigrator.migrate(
            config.jdbcUrl(), config.ownerUser(), config.ownerPassword(), config.appUser());
    log(
        "schema version "
            + migrated.schemaVersion()
            + " ("
            + migrated.migrationsExecuted()
            + " scripts now)");
    DataSource admin = postgres.superuserDataSource(StackConfig.APP_DATABASE);
    seedOnce(admin);

    Setup setup = Setup.read(admin, cases);
    LocalDate today = LocalDate.now(Deadline.AUTHORITY_ZONE);
    List<Scenario> scenarios = scenarios(setup, today);
    List<Report.Result> results = new ArrayList<>();
    try (Connection c = postgres.appDataSource().getConnection()) {
      c.setAutoCommit(false);
      for (Scenario s : scenarios) {
        log("measuring " + s.name());
        long warmupDeadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
        for (int i = 0; i < warmup && (i < 3 || System.nanoTime() < warmupDeadline); i++) {
          once(c, s.statements().apply(i), setup.me());
        }
        Timings timings = new Timings(iterations);
        int rows = 0;
        long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
        // A slow query stops at the time budget (after at least MIN_SAMPLES): its p95 is then
        // already far beyond any target, and a run of the whole benchmark stays in minutes.
        for (int i = 0; i < iterations && (i < MIN_SAMPLES || System.nanoTime() < deadline); i++) {
          long[] measured = once(c, s.statements().apply(warmup + i), setup.me());
          timings.add(measured[0]);
          rows = (int) measured[1];
        }
        List<String> plans = new ArrayList<>();
        List<PlanSummary> summaries = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        for (InboxSql.Statement st : s.statements().apply(0)) {
          List<String> plan = explain(c, st, setup.me());
          plans.add(String.join("\n", plan));
          summaries.add(PlanSummary.parse(plan));
          sql.add(st.jdbcSql());
        }
        Report.Result r =
            new Report.Result(
                s.name(),
                rows,
                timings.count(),
                timings.p50(),
                timings.p95(),
                timings.max(),
                summaries,
                sql,
                plans);
        log(Report.line(r));
        results.add(r);
      }
    }
    String report =
        Report.markdown(setup.describe(warmup, iterations, migrated.schemaVersion()), results);
    Path file = target.resolve("inbox-benchmark.md");
    Files.writeString(file, report);
    System.out.println();
    System.out.println(Report.table(results));
    log("report: " + file);
  }

  private List<Scenario> scenarios(Setup setup, LocalDate today) {
    UUID m = MUSTERSTADT;
    InboxFilter all =
        new InboxFilter(
            null, null, null, false, false, null, null, null, InboxSort.DUE, null, null, false);
    List<Scenario> list = new ArrayList<>();
    list.add(
        new Scenario("first page (due date)", i -> List.of(InboxSql.page(m, all, today, LIMIT))));
    list.add(
        new Scenario(
            "first page (newest submitted)",
            i ->
                List.of(
                    InboxSql.page(
                        m,
                        with(all, null, null, false, false, null, InboxSort.SUBMITTED),
                        today,
                        LIMIT))));
    list.add(
        new Scenario(
            "deep page (after ~" + setup.deepOffset() + " rows)",
            i -> {
              Setup.Key key = setup.deepKeys().get(i % setup.deepKeys().size());
              return List.of(
                  InboxSql.page(
                      m,
                      new InboxFilter(
                          null,
                          null,
                          null,
                          false,
                          false,
                          null,
                          null,
                          null,
                          InboxSort.DUE,
                          key.due(),
                          key.id(),
                          false),
                      today,
                      LIMIT));
            }));
    list.add(
        new Scenario(
            "status = IN_REVIEW",
            i ->
                List.of(
                    InboxSql.page(
                        m,
                        with(all, CaseStatus.IN_REVIEW, null, false, false, null, InboxSort.DUE),
                        today,
                        LIMIT))));
    list.add(
        new Scenario(
            "overdue",
            i ->
                List.of(
                    InboxSql.page(
                        m,
                        with(all, null, null, false, true, null, InboxSort.DUE),
                        today,
                        LIMIT))));
    list.add(
        new Scenario(
            "mine (assignee)",
            i ->
                List.of(
                    InboxSql.page(
                        m,
                        with(all, null, setup.me(), false, false, null, InboxSort.DUE),
                        today,
                        LIMIT))));
    list.add(
        new Scenario(
            "unassigned",
            i ->
                List.of(
                    InboxSql.page(
                        m,
                        with(all, null, null, true, false, null, InboxSort.DUE),
                        today,
                        LIMIT))));
    list.add(
        new Scenario(
            "search reference \"" + setup.referencePrefix() + "\"",
            i ->
                List.of(
                    InboxSql.page(
                        m,
                        with(all, null, null, false, false, setup.referencePrefix(), InboxSort.DUE),
                        today,
                        LIMIT))));
    list.add(
        new Scenario(
            "search name \"Erika Must\"",
            i ->
                List.of(
                    InboxSql.page(
                        m,
                        with(all, null, null, false, false, "Erika Must", InboxSort.DUE),
                        today,
                        LIMIT))));
    list.add(
        new Scenario(
            "search name \"Anna\" (broad: ~1/40 of names)",
            i ->
                List.of(
                    InboxSql.page(
                        m,
                        with(all, null, null, false, false, "Anna", InboxSort.DUE),
                        today,
                        LIMIT))));
    list.add(
        new Scenario(
            "counters (per status, mine, unassigned)",
            i ->
                List.of(
                    InboxSql.countByStatus(m),
                    InboxSql.countAssignedTo(m, setup.me()),
                    InboxSql.countUnassignedOpen(m))));
    // The statistics dashboard (issue 17) over the last twelve months, as the municipal admin opens
    // it: the very SQL the portal runs (StatisticsSql), under the same staff scope.
    LocalDate yearAgo = today.minusYears(1);
    for (String[] q :
        new String[][] {
          {"applications per service and month", StatisticsSql.APPLICATIONS_PER_SERVICE_AND_MONTH},
          {"processing times per service", StatisticsSql.PROCESSING_PER_SERVICE},
          {"open cases per status and clerk", StatisticsSql.OPEN_PER_STATUS_AND_CLERK},
          {"payments per state and method", StatisticsSql.PAYMENTS_PER_STATE_AND_METHOD}
        }) {
      list.add(
          new Scenario("statistics: " + q[0], i -> List.of(statistics(q[1], m, yearAgo, today))));
    }
    return list;
  }

  /**
   * A dashboard query as a statement the benchmark runs: its ordinal parameters named, with the
   * values the portal binds (one municipality, the period, today).
   */
  static InboxSql.Statement statistics(String sql, UUID m, LocalDate from, LocalDate today) {
    List<InboxSql.Parameter> parameters = new ArrayList<>();
    parameters.add(new InboxSql.Parameter("p1", false));
    parameters.add(new InboxSql.Parameter("p2", m));
    parameters.add(
        new InboxSql.Parameter(
            "p3", java.sql.Timestamp.from(from.atStartOfDay(Deadline.AUTHORITY_ZONE).toInstant())));
    parameters.add(
        new InboxSql.Parameter(
            "p4",
            java.sql.Timestamp.from(
                today.plusDays(1).atStartOfDay(Deadline.AUTHORITY_ZONE).toInstant())));
    if (sql.contains("?5")) {
      parameters.add(new InboxSql.Parameter("p5", java.sql.Date.valueOf(today)));
    }
    return new InboxSql.Statement(sql.replaceAll("\\?([1-5])", ":p$1"), parameters);
  }

  private static InboxFilter with(
      InboxFilter f,
      CaseStatus status,
      String assignee,
      boolean unassigned,
      boolean overdue,
      String search,
      InboxSort sort) {
    return new InboxFilter(
        f.serviceId(),
        status,
        assignee,
        unassigned,
        overdue,
        null,
        null,
        search,
        sort,
        null,
        null,
        false);
  }

  /**
   * One page view's worth of statements in one transaction, scoped exactly as {@code
   * DatabaseTenantScope} scopes the portal's: {nanoseconds of the statements, rows of the first}.
   */
  private static long[] once(Connection c, List<InboxSql.Statement> statements, String subject)
      throws SQLException {
    scope(c, subject);
    long rows = -1;
    long start = System.nanoTime();
    for (InboxSql.Statement st : statements) {
      try (PreparedStatement ps = prepare(c, st.jdbcSql(), st);
          ResultSet rs = ps.executeQuery()) {
        long n = 0;
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int col = 1; col <= columns; col++) {
            rs.getObject(col);
          }
          n++;
        }
        if (rows < 0) {
          rows = n;
        }
      }
    }
    long elapsed = System.nanoTime() - start;
    c.commit();
    return new long[] {elapsed, rows};
  }

  private static List<String> explain(Connection c, InboxSql.Statement st, String subject)
      throws SQLException {
    scope(c, subject);
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, "explain (analyze, buffers) " + st.jdbcSql(), st);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    c.commit();
    return lines;
  }

  private static PreparedStatement prepare(Connection c, String sql, InboxSql.Statement st)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    List<Object> values = st.jdbcValues();
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
    return ps;
  }

  /**
   * The same three settings, transaction-local, that {@code DatabaseTenantScope.apply} writes for
   * staff.
   */
  private static void scope(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select set_config('rathaus.scope', ?, true),"
                + " set_config('rathaus.municipality', ?, true), set_config('rathaus.subject', ?, true)")) {
      ps.setString(1, "staff");
      ps.setString(2, MUSTERSTADT.toString());
      ps.setString(3, subject);
      ps.executeQuery().close();
    }
  }

  private void seedOnce(DataSource admin) throws SQLException, IOException {
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select count(*) from case_record")) {
        rs.next();
        long existing = rs.getLong(1);
        if (existing == cases) {
          log("reusing " + existing + " seeded cases");
          return;
        }
        if (existing != 0) {
          throw new IllegalStateException(
              "target/bench-data-"
                  + cases
                  + " holds "
                  + existing
                  + " cases, not "
                  + cases
                  + "; delete it (./mvnw -pl benchmarks clean) and run again");
        }
      }
      String sql;
      try (InputStream in = InboxBenchmark.class.getResourceAsStream("inbox-seed.sql")) {
        sql =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replace("${cases}", Integer.toString(cases));
      }
      log("seeding " + cases + " cases (one transaction, inside PostgreSQL)");
      long start = System.nanoTime();
      c.setAutoCommit(false);
      s.execute(sql);
      c.commit();
      c.setAutoCommit(true);
      log("seeded in " + (System.nanoTime() - start) / 1_000_000_000 + " s; vacuum analyze");
      start = System.nanoTime();
      s.execute("vacuum (analyze) case_record");
      s.execute("vacuum (analyze) case_application");
      s.execute("vacuum (analyze) service_definition");
      log("vacuumed in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
    }
    // Statistics are refreshed on every run: a new migration (index) changes what the planner can
    // choose.
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("analyze case_record");
    }
  }

  static void log(String message) {
    System.out.println("[bench " + Instant.now() + "] " + message);
    System.out.flush();
  }
}
