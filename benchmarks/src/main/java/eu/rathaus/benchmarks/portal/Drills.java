package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.AuditTamperDrill;
import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.benchmarks.drills.FuzzDrill;
import eu.rathaus.benchmarks.drills.FuzzDrill.Outcome;
import eu.rathaus.launcher.LocalKeycloak;
import eu.rathaus.launcher.LocalWildFly;
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
 * The drills that run against one started test stack, in this order: fuzzing, audit tampering and
 * the superuser's head rewrite, Keycloak down, PostgreSQL restart, backup and restore, SMTP down,
 * kill -9 of WildFly, P5 start times. Prints one {@code VERDICT} line per drill (a drill that
 * throws gets a FAIL verdict and the others still run), writes {@code results/drills-latest.md}
 * (and a time-stamped copy) and rebuilds {@code RESULTS.md}.
 *
 * <p>Properties: {@code drill.fuzzRequests} (10000), {@code drill.tamperCases} (20 per kind),
 * {@code drill.seed} (16), {@code drill.smtpDownSeconds} (600), {@code drill.pgDownSeconds} (15),
 * {@code drill.keycloakDownSeconds} (30), {@code drill.kill} (true), {@code drill.skip} (verdict
 * names to leave out, comma separated).
 */
public final class Drills {

  private Drills() {}

  /**
   * How long this run's {@code Stack.start} took (for P5); -1 when the stack was started before.
   */
  static double stackStartSeconds = -1;

  public static void main(String[] args) throws Exception {
    Path module = Path.of(args.length > 0 ? args[0] : "benchmarks").toAbsolutePath().normalize();
    int fuzzRequests = Integer.getInteger("drill.fuzzRequests", 10_000);
    int tamperCases = Integer.getInteger("drill.tamperCases", 20);
    long seed = Long.getLong("drill.seed", 16);
    Path target = Files.createDirectories(module.resolve("target"));
    StackConfig config =
        StackConfig.forTests(module.getParent(), target.resolve("portal-bench-data"));
    long t0 = System.nanoTime();
    try (Stack stack = Stack.start(config, true, System.out)) {
      stackStartSeconds = (System.nanoTime() - t0) / 1e9;
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
    // Components a drill started anew (Keycloak, mail catcher, WildFly): stopped at the end.
    List<AutoCloseable> restarted = new ArrayList<>();
    LocalWildFly[] live = {stack.wildFly()};
    LocalKeycloak[] liveKeycloak = {stack.keycloak()};
    try {
      String portal = config.portalBaseUrl();
      DataSource db = stack.postgres().superuserDataSource("rathaus");
      // A few real applications, so the audit chain has entries and the form has drafts.
      Citizen citizen = new Citizen(portal);
      citizen.signIn("luca.basis", Stack.DEMO_PASSWORD);
      for (int i = 0; i < 5; i++) {
        citizen.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE);
      }
      attempt("fuzzing", verdicts, () -> report(fuzz(portal, db, fuzzRequests, seed), verdicts));
      attempt(
          "audit-tampering", verdicts, () -> auditDrills(citizen, db, tamperCases, seed, verdicts));
      attempt(
          "keycloak-down",
          verdicts,
          () -> {
            Citizen signedIn = new Citizen(portal);
            signedIn.signIn("luca.basis", Stack.DEMO_PASSWORD);
            Object[] kc =
                KeycloakDownDrill.run(
                    stack, signedIn, Integer.getInteger("drill.keycloakDownSeconds", 30));
            restarted.add((AutoCloseable) kc[1]);
            liveKeycloak[0] = (LocalKeycloak) kc[1];
            report((Drill.Verdict) kc[0], verdicts);
          });
      attempt(
          "postgres-restart",
          verdicts,
          () -> {
            Citizen visitor = new Citizen(portal);
            visitor.signIn("luca.basis", Stack.DEMO_PASSWORD);
            report(
                PgRestartDrill.run(
                    stack,
                    db,
                    signedInCitizens(portal, 4),
                    visitor,
                    Integer.getInteger("drill.pgDownSeconds", 15)),
                verdicts);
          });
      attempt(
          "backup-restore",
          verdicts,
          () -> {
            Citizen stayer = new Citizen(portal);
            stayer.signIn("luca.basis", Stack.DEMO_PASSWORD);
            report(
                BackupRestoreDrill.run(stack, db, signedInCitizens(portal, 2), stayer), verdicts);
          });
      int smtpDown = Integer.getInteger("drill.smtpDownSeconds", 600);
      if (smtpDown > 0) {
        attempt(
            "smtp-down",
            verdicts,
            () -> {
              // Signed in now: the first citizen's session may not survive the drills before (in
              // one run it got 403 after Keycloak's restart and the database swap of the backup
              // drill).
              Object[] smtp = SmtpDrill.run(stack, signedInCitizens(portal, 1).get(0), 5, smtpDown);
              restarted.add((AutoCloseable) smtp[1]);
              report((Drill.Verdict) smtp[0], verdicts);
            });
      }
      if (Boolean.parseBoolean(System.getProperty("drill.kill", "true"))) {
        attempt(
            "kill-wildfly",
            verdicts,
            () -> {
              Object[] kill = KillDrill.run(stack, db, signedInCitizens(portal, 4), 15);
              restarted.add((AutoCloseable) kill[1]);
              live[0] = (LocalWildFly) kill[1];
              report((Drill.Verdict) kill[0], verdicts);
            });
      }
      attempt(
          "p5-start",
          verdicts,
          () -> {
            Object[] p5 = StartTimes.run(stack, live[0], stackStartSeconds, 3);
            restarted.add((AutoCloseable) p5[1]);
            live[0] = (LocalWildFly) p5[1];
            report((Drill.Verdict) p5[0], verdicts);
          });
      // Last: from here on the launcher's supervisor owns Keycloak and WildFly (and the stack
      // stops what it restarted).
      attempt(
          "supervision",
          verdicts,
          () -> report(SupervisionDrill.run(stack, liveKeycloak[0], live[0]), verdicts));
    } finally {
      java.util.Collections.reverse(restarted);
      for (AutoCloseable component : restarted) {
        component.close();
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
    Path latest = results.resolve("drills-latest.md");
    String merged =
        Files.exists(latest) && !System.getProperty("drill.skip", "none").equals("none")
            ? keepEarlier(md.toString(), Files.readString(latest), verdicts)
            : md.toString();
    Files.writeString(latest, merged);
    Results.assemble(module);
  }

  /**
   * A partial run ({@code drill.skip}) replaces only the verdicts it produced: the other drills'
   * verdict lines and sections of the latest full results are kept, marked with their run.
   */
  static String keepEarlier(String now, String earlier, List<Drill.Verdict> verdicts) {
    java.util.Set<String> rerun = new java.util.HashSet<>();
    for (Drill.Verdict v : verdicts) {
      rerun.add(v.name());
      v.details()
          .lines()
          .filter(l -> l.startsWith("VERDICT "))
          .forEach(l -> rerun.add(l.substring(8, l.indexOf(':'))));
    }
    String earlierRun =
        earlier.lines().filter(l -> l.startsWith("Run ")).findFirst().orElse("Run ?").substring(4);
    earlierRun = earlierRun.substring(0, earlierRun.indexOf('.') + 1).replaceAll("\\.$", "");
    List<String> keptLines = new ArrayList<>();
    for (String line : earlier.lines().toList()) {
      if (line.startsWith("VERDICT ")
          && !rerun.contains(line.substring(8, line.indexOf(':')))
          && !line.contains("(run ")) {
        keptLines.add(line + " (run " + earlierRun + ")");
      } else if (line.startsWith("VERDICT ")
          && !rerun.contains(line.substring(8, line.indexOf(':')))) {
        keptLines.add(line);
      }
    }
    StringBuilder out = new StringBuilder();
    String head = now.substring(0, now.indexOf("```text\n") + 8);
    out.append(
        head.replace(
            "```text\n",
            "Only "
                + String.join(", ", rerun)
                + " re-run now; the other verdicts are from the run named after each.\n\n```text\n"));
    String nowLines =
        now.substring(
            now.indexOf("```text\n") + 8, now.indexOf("```\n", now.indexOf("```text\n") + 8));
    out.append(nowLines);
    keptLines.forEach(l -> out.append(l).append('\n'));
    out.append("```\n");
    out.append(now.substring(now.indexOf("```\n", now.indexOf("```text\n") + 8) + 4));
    for (String section : earlier.split("\n### ")) {
      String name = section.lines().findFirst().orElse("").trim();
      if (!section.startsWith("## Drills") && !rerun.contains(name)) {
        out.append("\n### ").append(section.stripTrailing()).append('\n');
      }
    }
    return out.toString();
  }

  /** One drill's code; an exception becomes its FAIL verdict, so the other drills still run. */
  interface DrillRun {
    void run() throws Exception;
  }

  static void attempt(String name, List<Drill.Verdict> verdicts, DrillRun drill) {
    if (!enabled(name)) {
      return;
    }
    try {
      drill.run();
    } catch (Exception e) {
      e.printStackTrace();
      report(new Drill.Verdict(name, false, "the drill itself failed: " + e, ""), verdicts);
    }
  }

  /** {@code -Ddrill.skip=fuzzing,smtp-down} leaves out drills by their verdict name. */
  static boolean enabled(String drill) {
    return !List.of(System.getProperty("drill.skip", "").split(",")).contains(drill);
  }

  static void report(Drill.Verdict v, List<Drill.Verdict> verdicts) {
    verdicts.add(v);
    System.out.println(v.line());
  }

  static List<Citizen> signedInCitizens(String portal, int n) throws Exception {
    List<Citizen> citizens = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Citizen c = new Citizen(portal);
      c.signIn("luca.basis", Stack.DEMO_PASSWORD);
      citizens.add(c);
    }
    return citizens;
  }

  /**
   * (e) audit tampering, then the superuser's rewrite of entries and chain head against the signed
   * checkpoints, and the window of entries newer than the last checkpoint.
   */
  static void auditDrills(
      Citizen citizen, DataSource db, int tamperCases, long seed, List<Drill.Verdict> verdicts)
      throws Exception {
    // The checkpoint job signs every RATHAUS_AUDIT_CHECKPOINT_SECONDS (60): wait until it has
    // covered what the fuzzing wrote, so the tampering meets a fully anchored chain.
    double waited = AuditTamperDrill.awaitAnchored(db, 180);
    Drill.Verdict tamper = AuditTamperDrill.run(db, tamperCases, seed);
    report(tamper, verdicts);
    Drill.Verdict head = AuditTamperDrill.headRewrites(db, tamperCases, seed, "");
    // The window: new entries, probed at once, then timed until a checkpoint covers them.
    citizen.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE);
    long written = System.nanoTime();
    int[] window = AuditTamperDrill.probeWindow(db);
    double anchoredAfter = AuditTamperDrill.awaitAnchored(db, 180);
    double windowSeconds = anchoredAfter < 0 ? -1 : (System.nanoTime() - written) / 1e9;
    head =
        new Drill.Verdict(
            head.name(),
            head.passed(),
            head.evidence()
                + String.format(
                    Locale.ROOT,
                    "; the window: entries newer than the last checkpoint are protected by the"
                        + " hash chain and head only — right after a submission %d of %d such"
                        + " rewrites (newest entry + head) went unnoticed, and the new entries"
                        + " were anchored %.0f s later (checkpoint every"
                        + " RATHAUS_AUDIT_CHECKPOINT_SECONDS = 60 s: at most about 60 s of entries"
                        + " are exposed); waited %.0f s for the first full anchoring",
                    window[1],
                    window[0],
                    windowSeconds,
                    waited),
            head.details());
    report(head, verdicts);
  }

  static Drill.Verdict fuzz(String portal, DataSource db, int total, long seed) throws Exception {
    URI base = URI.create(portal);
    List<Supplier<Outcome>> signedIn = new ArrayList<>();
    List<FormFuzz> formFuzzers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Citizen c = new Citizen(portal);
      c.signIn("luca.basis", Stack.DEMO_PASSWORD);
      FormFuzz f =
          new FormFuzz(c, new FuzzDrill(base.getHost(), base.getPort(), seed + 100 + i), seed + i);
      formFuzzers.add(f);
      signedIn.add(f);
    }
    // Counted after the sign-ins: only what the fuzz requests cause is compared.
    Map<String, Long> before = allCounts(db);
    long auditBefore = maxAuditId(db);
    long fuzzStartMs =
        Drill.scalar(db, "select (extract(epoch from clock_timestamp()) * 1000)::bigint");
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
    long suspiciousDrafts =
        Drill.scalar(
            db,
            // only drafts the fuzzing touched; "<script", not "script" (in the key "description")
            "select count(*) from application_draft where updated_at >= to_timestamp("
                + fuzzStartMs
                + " / 1000.0) and answers::text ~*"
                + " '(<script|drop table|onerror|\\\\u0000|zzzzzzzzzz|etc/passwd)'");
    Map<String, Map<Integer, Long>> byKind = new TreeMap<>();
    for (Outcome o : outcomes) {
      byKind.computeIfAbsent(o.kind(), k -> new TreeMap<>()).merge(o.status(), 1L, Long::sum);
    }
    List<Outcome> serverErrors =
        outcomes.stream().filter(o -> o.status() >= 500 || o.status() == -1).toList();
    // Rows a fuzz run may legitimately add: drafts opened by the signed-in fuzzers, and the audit
    // entries of what the portal did with the fuzzers' requests (a draft started, an upload
    // refused) — the audit trail of refused input is wanted, not garbage. Any other kind of new
    // audit entry, or a new row in any other table, counts as garbage.
    Map<String, Long> auditKinds = newAuditActions(db, auditBefore);
    Map<String, Long> unexpectedAudit = new TreeMap<>(auditKinds);
    unexpectedAudit.keySet().removeAll(EXPECTED_AUDIT_ACTIONS);
    // Garbage = a row a fuzz input caused that does not record its refusal. The drill's own set-up
    // (answering step 1 correctly) starts one real draft per signed-in fuzzer; every draft (and
    // "draft-started" entry) beyond those was started by a fuzz request.
    long setupDrafts = formFuzzers.stream().mapToLong(FormFuzz::draftsStarted).sum();
    long fuzzDrafts = Math.max(0, grown.getOrDefault("application_draft", 0L) - setupDrafts);
    long fuzzDraftStarts =
        Math.max(0, auditKinds.getOrDefault("application.draft-started", 0L) - setupDrafts);
    boolean garbage =
        grown.keySet().stream().anyMatch(k -> !LEGITIMATE_GROWTH.contains(k))
            || !unexpectedAudit.isEmpty()
            || suspiciousDrafts > 0
            || fuzzDrafts > 0
            || fuzzDraftStarts > 0;
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
    details.append("; drafts whose answers hold fuzz values: " + suspiciousDrafts);
    details.append(
        "; drafts started by the drill's set-up (step 1 answered correctly, one per signed-in"
            + " fuzzer): "
            + setupDrafts
            + "; drafts started by fuzz requests: "
            + fuzzDrafts
            + ".\n");
    details.append(
        "\nNew audit entries by action (expected: "
            + String.join(", ", EXPECTED_AUDIT_ACTIONS)
            + "): "
            + auditKinds
            + (unexpectedAudit.isEmpty() ? "" : "; **unexpected: " + unexpectedAudit + "**")
            + ".\n");
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
            + " answered 5xx or not at all, new rows: "
            + grown.entrySet().stream()
                .map(e -> e.getKey() + "+" + e.getValue())
                .collect(Collectors.joining(",", "[", "]"))
            + " (audit entries by action: "
            + auditKinds.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))
            + "; unexpected: "
            + (unexpectedAudit.isEmpty() ? "none" : unexpectedAudit.toString())
            + "; rows in other tables than "
            + String.join("/", LEGITIMATE_GROWTH)
            + ": "
            + grown.keySet().stream().filter(k -> !LEGITIMATE_GROWTH.contains(k)).count()
            + ")"
            + ", drafts with fuzz values: "
            + suspiciousDrafts
            + ", drafts started by fuzz requests: "
            + fuzzDrafts
            + " (set-up drafts: "
            + setupDrafts
            + ")";
    Drill.Verdict v =
        serverErrors.isEmpty() && !garbage
            ? new Drill.Verdict("fuzzing", true, evidence, "")
            : new Drill.Verdict("fuzzing", false, evidence, "");
    return new Drill.Verdict(v.name(), v.passed(), v.evidence(), details.toString());
  }

  /**
   * Tables a fuzz run may grow: the drafts of the drill's set-up (checked against the set-up's own
   * count), the audit trail of refused requests and the checkpoints the audit job signs over it
   * meanwhile.
   */
  static final List<String> LEGITIMATE_GROWTH =
      List.of("application_draft", "audit_entry", "audit_checkpoint");

  /**
   * Audit entries a fuzz run legitimately causes: the set-up's draft starts (checked against the
   * set-up's count) and refused uploads, recorded as security-relevant by design.
   */
  static final List<String> EXPECTED_AUDIT_ACTIONS =
      List.of("application.draft-started", "attachment.upload.refused");

  static long maxAuditId(DataSource db) throws java.sql.SQLException {
    return Drill.scalar(db, "select coalesce(max(id), 0) from audit_entry");
  }

  /** New audit entries after {@code afterId}, counted per action. */
  static Map<String, Long> newAuditActions(DataSource db, long afterId)
      throws java.sql.SQLException {
    Map<String, Long> byAction = new TreeMap<>();
    try (Connection c = db.getConnection();
        java.sql.PreparedStatement s =
            c.prepareStatement(
                "select action, count(*) from audit_entry where id > ? group by action")) {
      s.setLong(1, afterId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byAction.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return byAction;
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
