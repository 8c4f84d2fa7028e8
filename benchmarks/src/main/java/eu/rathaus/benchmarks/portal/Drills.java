package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.AuditTamperDrill;
import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.benchmarks.drills.FuzzDrill;
import eu.rathaus.benchmarks.drills.FuzzDrill.Outcome;
import eu.rathaus.launcher.Stack;
import eu.rathaus.launcher.StackConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The drills that run against one started test stack: (d) fuzzing and (e) audit tampering. Prints
 * one {@code VERDICT} line per drill, writes {@code results/drills-latest.md} (and a time-stamped
 * copy) and rebuilds {@code RESULTS.md}.
 *
 * <p>Properties: {@code drill.fuzzRequests} (10000), {@code drill.tamperCases} (20 per kind),
 * {@code drill.seed} (16).
 */
public final class Drills {

  private Drills() {}

  public static void main(String[] args) throws Exception {
    Path module = Path.of(args.length > 0 ? args[0] : "benchmarks").toAbsolutePath().normalize();
    int fuzzRequests = Integer.getInteger("drill.fuzzRequests", 10_000);
    int tamperCases = Integer.getInteger("drill.tamperCases", 20);
    long seed = Long.getLong("drill.seed", 16);
    Path target = Files.createDirectories(module.resolve("target"));
    StackConfig config =
        StackConfig.forTests(module.getParent(), target.resolve("portal-bench-data"));
    try (Stack stack = Stack.start(config, true, System.out)) {
      runAll(stack, module, fuzzRequests, tamperCases, seed);
    }
  }

  /** Runs the drills against a started stack and writes their results. */
  static void runAll(Stack stack, Path module, int fuzzRequests, int tamperCases, long seed)
      throws Exception {
    Path results = Files.createDirectories(module.resolve("results"));
    String stamp = Instant.now().toString().replace(":", "").replaceFirst("\\..*", "");
    Machine machine = Machine.describe();
    List<Drill.Verdict> verdicts = new ArrayList<>();
    StackConfig config = stack.config();
    {
      String portal = config.portalBaseUrl();
      DataSource db = stack.postgres().superuserDataSource("rathaus");
      // A few real applications, so the audit chain has entries and the form has drafts.
      Citizen citizen = new Citizen(portal);
      citizen.signIn("luca.basis", Stack.DEMO_PASSWORD);
      for (int i = 0; i < 5; i++) {
        citizen.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE);
      }
      verdicts.add(fuzz(portal, db, fuzzRequests, seed));
      System.out.println(verdicts.get(verdicts.size() - 1).line());
      Drill.Verdict tamper = AuditTamperDrill.run(db, tamperCases, seed);
      verdicts.add(tamper);
      System.out.println(tamper.line());
      for (String line : tamper.details().split("\n")) {
        if (line.startsWith("VERDICT")) {
          System.out.println(line);
        }
      }
      int smtpDown = Integer.getInteger("drill.smtpDownSeconds", 600);
      if (smtpDown > 0) {
        Object[] smtp = SmtpDrill.run(stack, citizen, 5, smtpDown);
        try (AutoCloseable catcher = (AutoCloseable) smtp[1]) {
          Drill.Verdict v = (Drill.Verdict) smtp[0];
          verdicts.add(v);
          System.out.println(v.line());
        }
      }
      if (Boolean.parseBoolean(System.getProperty("drill.kill", "true"))) {
        List<Citizen> loaders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          Citizen c = new Citizen(portal);
          c.signIn("luca.basis", Stack.DEMO_PASSWORD);
          loaders.add(c);
        }
        Object[] kill = KillDrill.run(stack, db, loaders, 15);
        try (AutoCloseable restarted = (AutoCloseable) kill[1]) {
          Drill.Verdict v = (Drill.Verdict) kill[0];
          verdicts.add(v);
          System.out.println(v.line());
        }
      }
    }
    StringBuilder md =
        new StringBuilder("## Drills\n\nRun ")
            .append(Instant.now())
            .append(". ")
            .append(machine.markdown())
            .append(
                String.format(
                    Locale.ROOT,
                    " Load average (1 min) at the end: %.2f.%n%n",
                    Machine.loadAverage()));
    md.append("```text\n");
    for (Drill.Verdict v : verdicts) {
      md.append(v.line()).append('\n');
      for (String line : v.details().split("\n")) {
        if (line.startsWith("VERDICT")) {
          md.append(line).append('\n');
        }
      }
    }
    md.append("```\n");
    for (Drill.Verdict v : verdicts) {
      md.append("\n### ").append(v.name()).append("\n\n");
      md.append(
          v.details()
              .lines()
              .filter(l -> !l.startsWith("VERDICT"))
              .collect(Collectors.joining("\n")));
      md.append('\n');
    }
    Files.writeString(results.resolve("drills-" + stamp + ".md"), md.toString());
    Files.writeString(results.resolve("drills-latest.md"), md.toString());
    Results.assemble(module);
  }

  static Drill.Verdict fuzz(String portal, DataSource db, int total, long seed) throws Exception {
    URI base = URI.create(portal);
    Map<String, Long> before = allCounts(db);
    List<Supplier<Outcome>> signedIn = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Citizen c = new Citizen(portal);
      c.signIn("luca.basis", Stack.DEMO_PASSWORD);
      signedIn.add(
          new FormFuzz(c, new FuzzDrill(base.getHost(), base.getPort(), seed + 100 + i), seed + i));
    }
    List<String> targets =
        List.of(
            "/municipality.xhtml?m=",
            "/service.xhtml?m=musterstadt&s=",
            "/service.xhtml?s=demo.fundsache-verlust&m=",
            "/api/v1/municipalities/musterstadt/services?q=",
            "/api/v1/municipalities/",
            "/api/v1/municipalities/musterstadt/services/",
            "/index.xhtml?lang=",
            "/citizen/apply.xhtml?m=musterstadt&s=",
            "/citizen/apply.xhtml?draft=",
            "/citizen/submitted.xhtml?ref=",
            "/resources/rathaus/css/",
            "/");
    long t = System.nanoTime();
    List<Outcome> outcomes =
        FuzzDrill.run(base.getHost(), base.getPort(), seed, total, 4, signedIn, targets);
    double seconds = (System.nanoTime() - t) / 1e9;
    Map<String, Long> after = allCounts(db);
    Map<String, Long> grown = new TreeMap<>();
    after.forEach(
        (table, n) -> {
          long d = n - before.getOrDefault(table, 0L);
          if (d != 0) {
            grown.put(table, d);
          }
        });
    long suspiciousDrafts;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from application_draft where answers::text ~*"
                    + " '(script|drop table|onerror|\\\\u0000|zzzzzzzzzz|etc/passwd)'")) {
      rs.next();
      suspiciousDrafts = rs.getLong(1);
    }
    Map<String, Map<Integer, Long>> byKind = new TreeMap<>();
    for (Outcome o : outcomes) {
      byKind.computeIfAbsent(o.kind(), k -> new TreeMap<>()).merge(o.status(), 1L, Long::sum);
    }
    List<Outcome> serverErrors =
        outcomes.stream().filter(o -> o.status() >= 500 || o.status() == -1).toList();
    // Rows a fuzz run may legitimately add: drafts opened by the signed-in fuzzers.
    boolean garbage =
        grown.keySet().stream().anyMatch(k -> !k.equals("application_draft"))
            || suspiciousDrafts > 0;
    StringBuilder details = new StringBuilder();
    details.append(
        String.format(
            Locale.ROOT,
            "%d requests in %.0f s (4 workers, seed %d). Status codes by kind of input"
                + " (0 = connection closed without an answer, -1 = no answer within 30 s):%n%n",
            outcomes.size(),
            seconds,
            seed));
    details.append("| input | statuses |\n|---|---|\n");
    byKind.forEach(
        (k, m) ->
            details
                .append("| ")
                .append(k)
                .append(" | ")
                .append(
                    m.entrySet().stream()
                        .map(e -> e.getKey() + " × " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append(" |\n"));
    details.append("\nRow counts that changed (all tables of schema public): ").append(grown);
    details.append("; drafts whose answers hold fuzz values: " + suspiciousDrafts + ".\n");
    if (!serverErrors.isEmpty()) {
      details.append("\nServer errors (first 20):\n\n");
      serverErrors.stream()
          .limit(20)
          .forEach(
              o ->
                  details
                      .append("- ")
                      .append(o.status())
                      .append(" ")
                      .append(o.kind())
                      .append(": `")
                      .append(o.request().replace('`', '\''))
                      .append("`\n"));
    }
    String evidence =
        outcomes.size()
            + " bad inputs, "
            + serverErrors.size()
            + " answered 5xx or not at all, new rows outside drafts: "
            + grown.entrySet().stream()
                .filter(e -> !e.getKey().equals("application_draft"))
                .map(e -> e.getKey() + "+" + e.getValue())
                .collect(Collectors.joining(",", "[", "]"))
            + ", drafts with fuzz values: "
            + suspiciousDrafts;
    Drill.Verdict v =
        serverErrors.isEmpty() && !garbage
            ? new Drill.Verdict("fuzzing", true, evidence, "")
            : new Drill.Verdict("fuzzing", false, evidence, "");
    return new Drill.Verdict(v.name(), v.passed(), v.evidence(), details.toString());
  }

  static Map<String, Long> allCounts(DataSource db) throws java.sql.SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select tablename from pg_tables where schemaname = 'public'"
                  + " and tablename not like 'flyway%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }
}
