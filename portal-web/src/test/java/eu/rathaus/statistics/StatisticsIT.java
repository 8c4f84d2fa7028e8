package eu.rathaus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.statistics.application.Statistics;
import eu.rathaus.statistics.domain.Dashboard;
import eu.rathaus.statistics.domain.StatisticsCsv;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's queries against data of known shape: a municipality of the test's own with two
 * services, seven cases (one outside the period) and five payment requests, written in the platform
 * scope; the figures are checked to the exact number (counts, median and 90th percentile of the
 * processing days with paused time taken off, overdue shares, open cases per status and clerk,
 * payments per state and method with totals, online share). Another municipality's staff see none
 * of it.
 */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(StatisticsIT.class);
  }

  @Inject Statistics statistics;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private UUID municipality;
  private String code;
  // Draft versions only (a current version must be published): the services are in no catalogue.
  private final java.util.Map<UUID, UUID> versions = new java.util.HashMap<>();

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  private void sql(String statement, Object... values) {
    var query = em.createNativeQuery(statement);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    query.executeUpdate();
  }

  private static Timestamp berlin(String localDateTime) {
    return Timestamp.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }

  private UUID service(String title, int days) {
    UUID definition = UUID.randomUUID();
    UUID version = UUID.randomUUID();
    sql(
        "insert into service_definition (id, municipality_id, service_key, category, title_de, description_de)"
            + " values (?1, ?2, ?3, 'Probe', ?4, 'Nur für Tests')",
        definition,
        municipality,
        "stat-" + definition.toString().substring(0, 8),
        title);
    sql(
        "insert into service_version (id, definition_id, municipality_id, version_number, status, form, fee_rule, required_loa,"
            + " processing_days) values (?1, ?2, ?3, 1, 'DRAFT', '{}'::jsonb, '{}'::jsonb, 'LOW', ?4)",
        version,
        definition,
        municipality,
        days);
    versions.put(definition, version);
    return definition;
  }

  /** A case; returns its application id. decided and assignee may be null. */
  private UUID caseOf(
      UUID definition,
      int days,
      String submitted,
      String decided,
      String due,
      String status,
      String assignee,
      long pausedSeconds) {
    UUID application = UUID.randomUUID();
    String reference = code + "-2001-" + String.format("%06d", RANDOM.nextInt(1_000_000));
    Timestamp at = berlin(submitted);
    UUID version = versions.get(definition);
    sql(
        "insert into case_application (id, reference_number, municipality_id, definition_id, version_id, applicant_subject,"
            + " answers, fee_cents, submitted_at, idempotency_key) values (?1, ?2, ?3, ?4, ?5, 'it-stat-citizen', '{}'::jsonb, 0, ?6, ?7)",
        application,
        reference,
        municipality,
        definition,
        version,
        at,
        UUID.randomUUID().toString());
    sql(
        "insert into case_record (id, application_id, municipality_id, applicant_subject, status, due_date, definition_id,"
            + " reference_number, applicant_name, submitted_at, processing_days, changed_at, decided_at, assignee_subject,"
            + " assignee_name, paused_seconds, waiting_since)"
            + " values (?1, ?2, ?3, 'it-stat-citizen', ?4, ?5, ?6, ?7, 'Erika Probe', ?8, ?9, ?8, ?10, ?11, ?12, ?13, ?14)",
        UUID.randomUUID(),
        application,
        municipality,
        status,
        Date.valueOf(LocalDate.parse(due)),
        definition,
        reference,
        at,
        days,
        decided == null ? null : berlin(decided),
        assignee == null ? null : "it-clara",
        assignee,
        pausedSeconds,
        status.equals("WAITING_FOR_CITIZEN") ? at : null);
    return application;
  }

  private void payment(
      UUID application, long amount, String state, String method, long paid, String created) {
    sql(
        "insert into payment_request (id, municipality_id, application_id, applicant_subject, payment_reference, amount_cents,"
            + " due_date, state, method, paid_cents, refunded_cents, created_at, updated_at)"
            + " values (?1, ?2, ?3, 'it-stat-citizen', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        UUID.randomUUID(),
        municipality,
        application,
        "RF00" + Long.toString(Math.abs(RANDOM.nextLong()), 36).toUpperCase(),
        amount,
        Date.valueOf(LocalDate.of(2001, 12, 31)),
        state,
        method,
        paid,
        state.equals("REFUNDED") ? paid : 0L,
        berlin(created));
  }

  private void seed() throws Exception {
    municipality = UUID.randomUUID();
    code =
        ""
            + (char) ('A' + RANDOM.nextInt(26))
            + (char) ('A' + RANDOM.nextInt(26))
            + (char) ('A' + RANDOM.nextInt(26));
    transactions.asPlatform(
        () -> {
          sql(
              "insert into municipality (id, slug, name, ags, state, status, reference_code)"
                  + " values (?1, ?2, ?3, ?4, 'Bayern', 'SUSPENDED', ?5)",
              municipality,
              "it-stat-" + municipality.toString().substring(0, 8),
              "Statistikgemeinde " + municipality.toString().substring(0, 8),
              String.format("%08d", RANDOM.nextInt(100_000_000)),
              code);
          UUID alpha = service("Alpha-Dienst", 10);
          UUID beta = service("Beta-Dienst", 5);
          UUID a1 =
              caseOf(
                  alpha,
                  10,
                  "2001-03-05T10:00",
                  "2001-03-07T10:00",
                  "2001-03-15",
                  "APPROVED",
                  null,
                  0);
          UUID a2 =
              caseOf(
                  alpha,
                  10,
                  "2001-03-10T10:00",
                  "2001-03-14T10:00",
                  "2001-03-20",
                  "APPROVED",
                  null,
                  86_400);
          UUID a3 =
              caseOf(
                  alpha,
                  10,
                  "2001-04-02T10:00",
                  "2001-04-20T10:00",
                  "2001-04-12",
                  "REJECTED",
                  null,
                  0);
          caseOf(alpha, 10, "2001-04-03T10:00", null, "2001-04-13", "IN_REVIEW", "Clara Probe", 0);
          caseOf(beta, 5, "2001-04-05T10:00", null, "2001-04-10", "SUBMITTED", null, 0);
          UUID b2 =
              caseOf(
                  beta,
                  5,
                  "2001-04-06T10:00",
                  "2001-04-07T22:00",
                  "2001-04-11",
                  "APPROVED",
                  null,
                  0);
          UUID a5 =
              caseOf(
                  alpha,
                  10,
                  "2001-06-01T10:00",
                  null,
                  "2001-06-11",
                  "WAITING_FOR_CITIZEN",
                  "Clara Probe",
                  0);
          payment(a1, 1000, "PAID", "HOSTED_PAGE", 1000, "2001-03-05T10:00");
          payment(a2, 2500, "PAID", "SEPA_TRANSFER", 2500, "2001-03-10T10:00");
          payment(a3, 1000, "OPEN", null, 0, "2001-04-02T10:00");
          payment(b2, 700, "REFUNDED", "HOSTED_PAGE", 700, "2001-04-06T10:00");
          payment(a5, 1000, "PAID", "HOSTED_PAGE", 1000, "2001-06-01T10:00");
        });
  }

  @Test
  void theDashboardShowsExactlyTheFiguresOfTheSeededData() throws Exception {
    seed();
    caller.set(TenantScope.staff(municipality, "it-stat-admin"));
    Dashboard d = statistics.dashboard(LocalDate.of(2001, 3, 1), LocalDate.of(2001, 5, 31), null);

    assertEquals(
        List.of(
            new Dashboard.ServiceMonth("Alpha-Dienst", "2001-03", 2),
            new Dashboard.ServiceMonth("Alpha-Dienst", "2001-04", 2),
            new Dashboard.ServiceMonth("Beta-Dienst", "2001-04", 2)),
        d.applications());
    assertEquals(
        List.of(
            // durations 2, 3 (4 minus one paused day) and 18 days: median 3, p90 3 + 0.8 * 15
            new Dashboard.Processing("Alpha-Dienst", 4, 3, 3.0, 15.0, 10, 2),
            new Dashboard.Processing("Beta-Dienst", 2, 1, 1.5, 1.5, 5, 1)),
        d.processing());
    assertEquals(50.0, d.processing().get(0).overduePercent());
    // Open cases are the current state: the case submitted after the period counts too.
    assertEquals(
        List.of(
            new Dashboard.OpenCases("IN_REVIEW", "Clara Probe", 1),
            new Dashboard.OpenCases("SUBMITTED", "", 1),
            new Dashboard.OpenCases("WAITING_FOR_CITIZEN", "Clara Probe", 1)),
        d.open());
    assertEquals(
        List.of(
            new Dashboard.Payments("OPEN", "", 1, 1000, 0),
            new Dashboard.Payments("PAID", "HOSTED_PAGE", 1, 1000, 1000),
            new Dashboard.Payments("PAID", "SEPA_TRANSFER", 1, 2500, 2500),
            new Dashboard.Payments("REFUNDED", "HOSTED_PAGE", 1, 700, 700)),
        d.payments());
    assertEquals(2, d.paidOnline());
    assertEquals(3, d.paidTotal());
    assertEquals(66.7, d.onlinePercent());

    String csv =
        new String(
            StatisticsCsv.of(d, "2001-03-01 – 2001-05-31", key -> key), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFFStatistik;2001-03-01 – 2001-05-31\r\n"), csv);
    assertTrue(csv.contains("\r\nAlpha-Dienst;4;3;3,0;15,0;10;2;50,0\r\n"), csv);
    assertTrue(csv.contains("\r\nSumme;;4;52,00;42,00\r\n"), csv);
    assertTrue(csv.contains("\r\nOnline-Anteil der Zahlungen (%);66,7\r\n"), csv);

    // The platform sees the same municipality when it picks it; another municipality's staff
    // nothing.
    caller.set(TenantScope.platform("it-operator"));
    assertEquals(
        d, statistics.dashboard(LocalDate.of(2001, 3, 1), LocalDate.of(2001, 5, 31), municipality));
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-other"));
    Dashboard other =
        statistics.dashboard(LocalDate.of(2001, 3, 1), LocalDate.of(2001, 5, 31), municipality);
    assertTrue(other.applications().stream().noneMatch(r -> r.service().endsWith("-Dienst")));
    caller.set(TenantScope.citizen("it-stat-citizen"));
    assertThrows(
        SecurityException.class,
        () -> statistics.dashboard(LocalDate.of(2001, 3, 1), LocalDate.of(2001, 5, 31), null));
  }
}
