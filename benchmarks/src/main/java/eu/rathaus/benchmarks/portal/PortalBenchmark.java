package eu.rathaus.benchmarks.portal;

import eu.rathaus.launcher.Stack;
import eu.rathaus.launcher.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * P1 (submissions/s through the real web flow vs. the same writes as plain JDBC, with a flight
 * recording and Hibernate statistics of the server), P4 (heap and RSS at the end of P1), P3 (public
 * pages vs. a static file, sessions left behind), all against the launcher's test stack in one run.
 * Writes {@code RESULTS.md} (section "Portal") and raw data under {@code results/}.
 *
 * <p>Arguments: benchmarks module directory. Properties: {@code bench.stageSeconds} (20), {@code
 * bench.maxClients} (64), {@code bench.p99Ms} (100), {@code bench.pageSeconds} (15).
 */
public final class PortalBenchmark {

  static final String MUNICIPALITY = "musterstadt";
  static final String SERVICE = "demo.fundsache-verlust";
  static final List<String> COUNTED =
      List.of(
          "case_application",
          "case_record",
          "case_event",
          "notification_outbox",
          "audit_entry",
          "payment_request",
          "application_draft",
          "attachment");

  private PortalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path module = Path.of(args.length > 0 ? args[0] : "benchmarks").toAbsolutePath().normalize();
    int stageSeconds = Integer.getInteger("bench.stageSeconds", 20);
    int maxClients = Integer.getInteger("bench.maxClients", 64);
    double p99Limit = Double.parseDouble(System.getProperty("bench.p99Ms", "100"));
    int pageSeconds = Integer.getInteger("bench.pageSeconds", 15);
    int[] pageClients =
        java.util.Arrays.stream(System.getProperty("bench.pageClients", "16,64").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path results = Files.createDirectories(module.resolve("results"));
    Path target = Files.createDirectories(module.resolve("target"));
    String stamp = Instant.now().toString().replace(":", "").replaceFirst("\\..*", "");

    StackConfig config =
        StackConfig.forTests(module.getParent(), target.resolve("portal-bench-data"));
    Machine machine = Machine.describe();
    long t0 = System.nanoTime();
    try (Stack stack = Stack.start(config, true, System.out)) {
      double stackStart = (System.nanoTime() - t0) / 1e9;
      String portal = config.portalBaseUrl();
      DataSource db = stack.postgres().superuserDataSource("rathaus");
      WildFlyProbe probe = new WildFlyProbe(config);

      // Warm-up (JIT, caches) and the template rows of the baseline.
      List<Citizen> citizens = new ArrayList<>();
      Citizen first = citizen(portal, citizens, 0);
      int warmed = 0;
      for (int attempt = 0; warmed < 20; attempt++) {
        try {
          first.apply(MUNICIPALITY, SERVICE);
          warmed++;
        } catch (java.io.IOException e) {
          if (attempt - warmed >= 3) {
            throw e;
          }
          System.out.println("[bench] warm-up: " + e);
        }
      }
      UUID template = latestApplication(db);
      JdbcBaseline baseline = new JdbcBaseline(db, template);
      for (int i = 0; i < 20; i++) {
        try (Connection c = db.getConnection()) {
          baseline.submitOnce(c);
        }
      }

      probe.enableHibernateStatistics();
      Path jfr = target.resolve("wildfly-p1.jfr");
      Files.deleteIfExists(jfr);
      probe.jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
      Map<String, Long> hibernateBefore = probe.hibernateStatistics();
      long webSubmissions = 0;
      Map<String, Long> webRows = null;
      Map<String, Long> jdbcRows = null;
      long webRowsFor = 0;
      long jdbcRowsFor = 0;

      List<Results.Step> ramp = new ArrayList<>();
      for (int clients = 1; clients <= maxClients; clients *= 2) {
        double load = Machine.loadAverage();
        Map<String, Long> before = counts(db);
        Stage.Result web =
            Stage.run(
                "web",
                clients,
                stageSeconds,
                i -> {
                  Citizen c = citizen(portal, citizens, i);
                  return r -> {
                    c.recordInto(r);
                    c.apply(MUNICIPALITY, SERVICE);
                  };
                });
        for (Citizen c : citizens) {
          c.recordInto(null);
        }
        webSubmissions += web.completed();
        Map<String, Long> mid = counts(db);
        if (webRows == null) {
          webRows = delta(before, mid);
          webRowsFor = web.completed();
        }
        Stage.Result jdbc = jdbcStage(db, baseline, clients, stageSeconds);
        if (jdbcRows == null) {
          jdbcRows = delta(mid, counts(db));
          jdbcRowsFor = jdbc.completed();
        }
        ramp.add(new Results.Step(web, jdbc, load));
        System.out.printf(
            Locale.ROOT,
            "[bench] P1 %3d clients: web %.1f submissions/s (p99 %.0f ms, %d errors) | jdbc %.1f/s"
                + " (p99 %.1f ms) | load %.2f%n",
            clients,
            web.perSecond(),
            web.p99(),
            web.errors(),
            jdbc.perSecond(),
            jdbc.p99(),
            load);
        if (web.p99() > p99Limit) {
          break;
        }
      }
      Map<String, Long> hibernateAfter = probe.hibernateStatistics();
      probe.jcmd("JFR.stop", "name=bench");
      String profile = JfrSummary.markdown(jfr);

      // P1 through the submission API: one JSON request per application, the same ramp, each
      // step again against the JDBC baseline with as many threads.
      ApiCitizens api = ApiCitizens.create(config, MUNICIPALITY, SERVICE, maxClients);
      // Warm-up of the API's path (JIT), untimed, as the web flow has its warm-up before its ramp.
      Stage.Action warmApi = api.citizen(0);
      org.HdrHistogram.Recorder untimed = new org.HdrHistogram.Recorder(3);
      for (int i = 0; i < 40; i++) {
        warmApi.run(untimed);
      }
      Path apiJfr = target.resolve("wildfly-p1-api.jfr");
      Files.deleteIfExists(apiJfr);
      probe.jcmd("JFR.start", "name=bench-api", "settings=profile", "filename=" + apiJfr);
      Map<String, Long> apiHibernateBefore = probe.hibernateStatistics();
      long apiSubmissions = 0;
      List<Results.Step> apiRamp = new ArrayList<>();
      for (int clients = 1; clients <= maxClients; clients *= 2) {
        double load = Machine.loadAverage();
        Stage.Result apiStage = Stage.run("api", clients, stageSeconds, api::citizen);
        apiSubmissions += apiStage.completed();
        Stage.Result jdbc = jdbcStage(db, baseline, clients, stageSeconds);
        apiRamp.add(new Results.Step(apiStage, jdbc, load));
        System.out.printf(
            Locale.ROOT,
            "[bench] P1 API %3d clients: %.1f submissions/s (p99 %.0f ms, %d errors) | jdbc %.1f/s"
                + " (p99 %.1f ms) | load %.2f%n",
            clients,
            apiStage.perSecond(),
            apiStage.p99(),
            apiStage.errors(),
            jdbc.perSecond(),
            jdbc.p99(),
            load);
        if (apiStage.p99() > p99Limit || apiStage.completed() == 0) {
          break;
        }
      }
      Map<String, Long> apiHibernateAfter = probe.hibernateStatistics();
      probe.jcmd("JFR.stop", "name=bench-api");
      String apiProfile = JfrSummary.markdown(apiJfr);

      // P4 right at the end of P1.
      double rss = probe.rssMiB();
      String memory = probe.memoryBreakdown();
      double heap = probe.heapAfterFullGcMiB();
      double rssAfterGc = probe.rssMiB();
      String heapSettings = probe.heapSettings();

      // P3: public pages vs. a static file of the same server, sessions before/after.
      long sessionsBefore = probe.activeSessions();
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("static file (rathaus.css)", portal + "/resources/rathaus/css/rathaus.css");
      pages.put("catalogue page (Musterstadt)", portal + "/municipality.xhtml?m=" + MUNICIPALITY);
      pages.put(
          "service page (lost property)",
          portal + "/service.xhtml?m=" + MUNICIPALITY + "&s=" + SERVICE);
      List<Stage.Result> pageResults = new ArrayList<>();
      List<Double> pageLoads = new ArrayList<>();
      for (int clients : pageClients) {
        for (Map.Entry<String, String> page : pages.entrySet()) {
          double load = Machine.loadAverage();
          HttpClient http =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(Duration.ofSeconds(10))
                  .build();
          HttpRequest request =
              HttpRequest.newBuilder(URI.create(page.getValue()))
                  .timeout(Duration.ofSeconds(30))
                  .build();
          Stage.Result r =
              Stage.run(
                  page.getKey(),
                  clients,
                  pageSeconds,
                  i ->
                      rec -> {
                        long t = System.nanoTime();
                        HttpResponse<byte[]> response =
                            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        Stage.record(rec, System.nanoTime() - t);
                        if (response.statusCode() != 200) {
                          throw new java.io.IOException(
                              "HTTP " + response.statusCode() + " " + page.getValue());
                        }
                      });
          pageResults.add(r);
          pageLoads.add(load);
          System.out.printf(
              Locale.ROOT,
              "[bench] P3 %-30s %2d clients: %.0f req/s p99 %.1f ms errors %d%n",
              page.getKey(),
              clients,
              r.perSecond(),
              r.p99(),
              r.errors());
        }
      }
      long sessionsAfter = probe.activeSessions();
      double heapAfterPages = probe.heapAfterFullGcMiB();

      Results.write(
          module,
          results,
          stamp,
          new Results.Portal(
              machine,
              stackStart,
              stageSeconds,
              p99Limit,
              ramp,
              apiRamp,
              webRows,
              webRowsFor,
              jdbcRows,
              jdbcRowsFor,
              webSubmissions,
              hibernateBefore,
              hibernateAfter,
              profile,
              rss,
              heap,
              rssAfterGc,
              heapSettings,
              pageSeconds,
              pageResults,
              pageLoads,
              sessionsBefore,
              sessionsAfter,
              heapAfterPages,
              memory,
              apiSubmissions,
              apiHibernateBefore,
              apiHibernateAfter,
              apiProfile));
      if (Boolean.getBoolean("bench.withDrills")) {
        Drills.runAll(
            stack,
            module,
            Integer.getInteger("drill.fuzzRequests", 10_000),
            Integer.getInteger("drill.tamperCases", 20),
            Long.getLong("drill.seed", 16));
      }
    }
  }

  private static Citizen citizen(String portal, List<Citizen> citizens, int index) {
    synchronized (citizens) {
      while (citizens.size() <= index) {
        Citizen c = new Citizen(portal);
        try {
          c.signIn("luca.basis", Stack.DEMO_PASSWORD);
        } catch (Exception e) {
          throw new IllegalStateException("Sign-in failed: " + e, e);
        }
        citizens.add(c);
      }
      return citizens.get(index);
    }
  }

  private static Connection open(DataSource db) {
    try {
      return db.getConnection();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static UUID latestApplication(DataSource db) throws java.sql.SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select id from case_application order by submitted_at desc limit 1")) {
      rs.next();
      return rs.getObject(1, UUID.class);
    }
  }

  static Map<String, Long> counts(DataSource db) throws java.sql.SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (String table : COUNTED) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new LinkedHashMap<>();
    for (String table : after.keySet()) {
      d.put(table, after.get(table) - before.getOrDefault(table, 0L));
    }
    return d;
  }

  static String read(Path p) throws java.io.IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** The JDBC baseline: {@code clients} threads, each on its own connection, for one stage. */
  private static Stage.Result jdbcStage(
      DataSource db, JdbcBaseline baseline, int clients, int stageSeconds) throws Exception {
    List<Connection> connections = new ArrayList<>();
    try {
      return Stage.run(
          "jdbc",
          clients,
          stageSeconds,
          i -> {
            Connection c = open(db);
            synchronized (connections) {
              connections.add(c);
            }
            return r -> {
              long t = System.nanoTime();
              baseline.submitOnce(c);
              Stage.record(r, System.nanoTime() - t);
            };
          });
    } finally {
      for (Connection c : connections) {
        c.close();
      }
    }
  }
}
