package eu.rathaus.benchmarks.portal;

import eu.rathaus.launcher.Stack;
import eu.rathaus.launcher.StackConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Where one page request of the web flow goes (issue 16, P1 through the web flow): after a warm-up,
 * one citizen fills the lost-property form once more while PostgreSQL logs every statement ({@code
 * log_statement=all}, with the backend pid and virtual transaction id) and WildFly counts with
 * Hibernate's statistics. For each page request (redirects followed, as {@link Citizen} counts
 * them) the report lists Hibernate's counters and the statements, grouped by transaction.
 *
 * <p>Not a benchmark: nothing is timed. Run it alone on the launcher's test stack (see
 * benchmarks/README.md, {@code -Pwebflow-profile}); the report goes to {@code
 * results/webflow-profile-<time>.md}.
 */
public final class WebFlowProfile {

  private static final String MARK = "rathaus-profile-mark";

  /**
   * A PostgreSQL log line with the prefix {@code %p %v %d }: pid, virtual transaction id, database.
   */
  private static final Pattern LINE =
      Pattern.compile("^(\\d+) (\\S*) (\\S*) ?(LOG|DETAIL|ERROR|STATEMENT|WARNING):\\s+(.*)$");

  /** The subjects of the portal's own periodic jobs' scopes: not part of any page. */
  private static final Set<String> JOBS =
      Set.of(
          "outbox-sender",
          "webhook-sender",
          "audit-checkpoint",
          "payment-poll",
          "lost-property-deadlines",
          "appointment-reminders",
          "metrics",
          "webhook-secrets");

  private WebFlowProfile() {}

  public static void main(String[] args) throws Exception {
    Path module = Path.of(args.length > 0 ? args[0] : "benchmarks").toAbsolutePath().normalize();
    int warmup = Integer.getInteger("profile.warmup", 20);
    Path results = Files.createDirectories(module.resolve("results"));
    Path target = Files.createDirectories(module.resolve("target"));
    String stamp = Instant.now().toString().replace(":", "").replaceFirst("\\..*", "");
    StackConfig config =
        StackConfig.forTests(module.getParent(), target.resolve("portal-bench-data"));
    try (Stack stack = Stack.start(config, true, System.out)) {
      String portal = config.portalBaseUrl();
      DataSource db = stack.postgres().superuserDataSource("rathaus");
      WildFlyProbe probe = new WildFlyProbe(config);
      Citizen citizen = new Citizen(portal);
      citizen.signIn("luca.basis", Stack.DEMO_PASSWORD);
      int failed = 0;
      for (int warmed = 0; warmed < warmup; ) {
        try {
          citizen.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE);
          warmed++;
        } catch (IOException e) {
          // As PortalBenchmark's warm-up: a keep-alive connection the server closed meanwhile.
          if (++failed > 3) {
            throw e;
          }
          System.out.println("[profile] warm-up: " + e);
        }
      }
      probe.enableHibernateStatistics();
      Path log = config.logDir().resolve("postgres.log");
      long logStart = Files.size(log);
      sql(
          db,
          "alter system set log_statement = 'all'",
          "alter system set log_line_prefix = '%p %v %d '",
          "select pg_reload_conf()");
      Thread.sleep(500);

      List<Page> pages = new ArrayList<>();
      Map<String, Long> before = probe.hibernateStatistics();
      mark(db, 0);
      citizen.afterEachPage(
          response -> {
            try {
              mark(db, pages.size() + 1);
              pages.add(new Page(label(response), response.statusCode()));
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
      String reference = citizen.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE);
      citizen.afterEachPage(null);
      Map<String, Long> hibernate = delta(before, probe.hibernateStatistics());
      sql(
          db,
          "alter system reset log_statement",
          "alter system reset log_line_prefix",
          "select pg_reload_conf()");

      List<List<Tx>> byPage = transactionsByPage(log, logStart, pages.size());
      StringBuilder md = new StringBuilder();
      md.append("# Web flow profile: one application of the lost-property form\n\n")
          .append("Run ")
          .append(Instant.now())
          .append(" after ")
          .append(warmup)
          .append(" warm-up applications; application ")
          .append(reference)
          .append(". Generated by `WebFlowProfile` (do not edit by hand). Statements of database")
          .append(" `rathaus` from PostgreSQL's log (`log_statement=all`), grouped by transaction")
          .append(" (virtual transaction id); transactions of the portal's periodic jobs (scope")
          .append(" subjects ")
          .append(String.join(", ", new java.util.TreeSet<>(JOBS)))
          .append(") left out.\n\n");
      md.append("| page request | status | transactions | statements | of them set_config |\n")
          .append("|---|---:|---:|---:|---:|\n");
      int totalTx = 0;
      int totalStatements = 0;
      for (int i = 0; i < pages.size(); i++) {
        List<Tx> txs = i < byPage.size() ? byPage.get(i) : List.of();
        int statements = txs.stream().mapToInt(t -> t.statements().size()).sum();
        long scopes =
            txs.stream()
                .flatMap(t -> t.statements().stream())
                .filter(q -> q.contains("set_config('rathaus.scope'"))
                .count();
        totalTx += txs.size();
        totalStatements += statements;
        md.append("| ")
            .append(pages.get(i).label())
            .append(" | ")
            .append(pages.get(i).status())
            .append(" | ")
            .append(txs.size())
            .append(" | ")
            .append(statements)
            .append(" | ")
            .append(scopes)
            .append(" |\n");
      }
      md.append("| **whole application** | | ")
          .append(totalTx)
          .append(" | ")
          .append(totalStatements)
          .append(" | |\n\n");
      md.append("Hibernate statistics over the same application (these include the periodic jobs")
          .append(" that ran meanwhile): ");
      md.append(
          String.join(
              ", ",
              hibernate.entrySet().stream()
                  .filter(e -> e.getValue() != 0)
                  .map(e -> e.getKey().replace("-count", "") + " " + e.getValue())
                  .toList()));
      md.append(".\n");
      for (int i = 0; i < pages.size(); i++) {
        md.append("\n## ")
            .append(i + 1)
            .append(". ")
            .append(pages.get(i).label())
            .append("\n\n```sql\n");
        for (Tx t : i < byPage.size() ? byPage.get(i) : List.<Tx>of()) {
          md.append("-- transaction ")
              .append(t.id())
              .append(t.scope() == null ? "" : " (scope " + t.scope() + ")")
              .append('\n');
          for (String q : t.statements()) {
            md.append(q.length() > 220 ? q.substring(0, 220) + " …" : q).append('\n');
          }
        }
        md.append("```\n");
      }
      Path out = results.resolve("webflow-profile-" + stamp + ".md");
      Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
      System.out.println(md);
      System.out.println("[profile] written to " + out);
    }
  }

  private record Page(String label, int status) {}

  /** One transaction of a backend: its statements and the scope its set_config gave. */
  private record Tx(String id, String scope, List<String> statements) {}

  /**
   * The first request of the page (before any redirect), e.g. {@code POST /citizen/apply.xhtml}.
   */
  private static String label(HttpResponse<String> response) {
    HttpResponse<String> first = response;
    int hops = 0;
    while (first.previousResponse().isPresent()) {
      first = first.previousResponse().get();
      hops++;
    }
    String query = first.uri().getQuery();
    String path = first.uri().getPath() + (query == null ? "" : "?" + query);
    return first.request().method()
        + " "
        + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…")
        + (hops > 0 ? " (+" + hops + " redirect)" : "");
  }

  private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new LinkedHashMap<>();
    after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
    return d;
  }

  private static void mark(DataSource db, int page) throws SQLException {
    sql(db, "select '" + MARK + " " + page + "'");
  }

  private static void sql(DataSource db, String... statements) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    }
  }

  /**
   * The transactions of database {@code rathaus} between the marks, one list per page, in the order
   * of their first statement; BEGIN/COMMIT and parameters left out, the periodic jobs' transactions
   * too.
   */
  private static List<List<Tx>> transactionsByPage(Path log, long from, int pages)
      throws IOException {
    byte[] all = Files.readAllBytes(log);
    String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    List<List<Tx>> byPage = new ArrayList<>();
    List<Tx> current = null;
    Map<String, Tx> open = new LinkedHashMap<>();
    Set<String> skipped = new LinkedHashSet<>();
    String scopePending = null;
    StringBuilder statement = null;
    String statementTx = null;
    Pattern executed = Pattern.compile("^(?:statement|execute [^:]*): (.*)$");
    Pattern params = Pattern.compile("\\$(\\d+) = '([^']*)'");
    for (String raw : text.split("\n")) {
      Matcher m = LINE.matcher(raw);
      if (!m.matches()) {
        if (statement != null && !raw.isBlank()) {
          statement.append(' ').append(raw.trim());
        }
        continue;
      }
      if (statement != null) {
        open.get(statementTx).statements().add(statement.toString());
        statement = null;
      }
      String pid = m.group(1);
      String key = pid + " " + m.group(2);
      String body = m.group(5);
      if (body.contains(MARK)) {
        skipped.add(pid);
        current = new ArrayList<>();
        byPage.add(current);
        continue;
      }
      if (skipped.contains(pid) || !"rathaus".equals(m.group(3)) || current == null) {
        continue;
      }
      if ("DETAIL".equals(m.group(4)) && key.equals(scopePending)) {
        scopePending = null;
        Matcher p = params.matcher(body);
        Map<String, String> values = new LinkedHashMap<>();
        while (p.find()) {
          values.put(p.group(1), p.group(2));
        }
        String subject = values.getOrDefault("3", "");
        if (JOBS.contains(subject)) {
          open.remove(key);
          current.removeIf(t -> t.id().equals(key));
          skipped.add(key);
          continue;
        }
        Tx t = open.get(key);
        if (t != null && t.scope() == null) {
          Tx scoped = new Tx(t.id(), values.getOrDefault("1", "?") + " " + subject, t.statements());
          open.put(key, scoped);
          current.replaceAll(x -> x.id().equals(key) ? scoped : x);
        }
        continue;
      }
      if (!"LOG".equals(m.group(4)) || skipped.contains(key)) {
        continue;
      }
      Matcher st = executed.matcher(body);
      if (!st.matches()) {
        continue;
      }
      String sql = st.group(1).trim();
      if (sql.equalsIgnoreCase("BEGIN") || sql.equalsIgnoreCase("COMMIT")) {
        continue;
      }
      Tx t = open.get(key);
      if (t == null) {
        t = new Tx(key, null, new ArrayList<>());
        open.put(key, t);
        current.add(t);
      }
      scopePending = sql.contains("set_config('rathaus.scope'") ? key : null;
      statement = new StringBuilder(sql);
      statementTx = key;
    }
    if (statement != null) {
      open.get(statementTx).statements().add(statement.toString());
    }
    return byPage.size() > pages ? byPage.subList(0, pages) : byPage;
  }
}
