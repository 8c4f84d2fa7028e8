package eu.rathaus.web.operations;

import eu.rathaus.identity.LevelOfAssurance;
import eu.rathaus.operations.application.OperatorMonitoring;
import eu.rathaus.operations.domain.OperatorFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The portal's business meters in one Micrometer registry, scraped as Prometheus text by {@link
 * MetricsServlet}. JVM, pool and server figures are WildFly's own ({@code :9990/metrics}).
 *
 * <p>What the database knows (submissions, decisions, payments by state, the outbox) is counted
 * there, at most every {@link #MAX_AGE}: every node reports the installation's true figures and a
 * restarted node resets nothing, so dashboards take {@code max} over the nodes. Sign-ins are events
 * the database does not count by level; they are per-node counters ({@code sum} over the nodes).
 */
@ApplicationScoped
public class BusinessMetrics {

  private static final Logger LOG = Logger.getLogger(BusinessMetrics.class.getName());

  /** Scrapes closer together than this (several Prometheus replicas) reuse the last count. */
  static final Duration MAX_AGE = Duration.ofSeconds(10);

  @Inject OperatorMonitoring monitoring;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Clock clock = Clock.systemUTC();

  private volatile OperatorFigures figures = new OperatorFigures(0, Map.of(), Map.of(), 0, 0, 0);
  private volatile int scanner = -1;
  private volatile boolean figuresUp;
  private volatile Instant countedAt = Instant.EPOCH;

  @PostConstruct
  void register() {
    FunctionCounter.builder(
            "rathaus.applications.submitted", this, m -> m.figures.submittedApplications())
        .description("Applications submitted, all municipalities (counted in the database)")
        .register(registry);
    for (String outcome : new String[] {"approved", "rejected"}) {
      FunctionCounter.builder(
              "rathaus.decisions", this, m -> m.figures.decisions().getOrDefault(outcome, 0L))
          .tag("outcome", outcome)
          .description("Decisions on cases, by outcome (counted in the database)")
          .register(registry);
    }
    for (String state :
        new String[] {"open", "pending", "paid", "failed", "expired", "cancelled", "refunded"}) {
      gauge(
          "rathaus.payments",
          "Payment requests by current state",
          m -> m.figures.paymentsByState().getOrDefault(state, 0L),
          "state",
          state);
    }
    gauge("rathaus.outbox.backlog", "Mails waiting to be sent", m -> m.figures.outboxBacklog());
    gauge(
        "rathaus.outbox.retrying",
        "Mails waiting after failed attempts",
        m -> m.figures.outboxRetrying());
    gauge(
        "rathaus.outbox.given.up",
        "Mails given up after the last attempt (need an operator)",
        m -> m.figures.outboxGivenUp());
    gauge(
        "rathaus.scanner.status",
        "Malware scanner: 1 answers, 0 does not answer, -1 not configured",
        m -> m.scanner);
    gauge(
        "rathaus.business.figures.up",
        "1 if the last count in the database succeeded",
        m -> m.figuresUp ? 1 : 0);
    for (LevelOfAssurance level : LevelOfAssurance.values()) {
      signIns(level.acr());
    }
    signIns("none");
  }

  /** Counts one sign-in; staff (no eID level) as {@code none}. */
  public void signedIn(LevelOfAssurance level) {
    signIns(level == null ? "none" : level.acr()).increment();
  }

  /** Prometheus text of all meters, the database figures counted again if older than MAX_AGE. */
  public String scrape() {
    refreshIfStale();
    return registry.scrape();
  }

  private synchronized void refreshIfStale() {
    Instant now = clock.instant();
    if (now.isBefore(countedAt.plus(MAX_AGE))) {
      return;
    }
    countedAt = now;
    try {
      figures = monitoring.figures();
      figuresUp = true;
    } catch (RuntimeException e) {
      // The database is away: readiness says so; the last figures stay, flagged as not current.
      figuresUp = false;
      LOG.log(Level.FINE, "Business figures not counted", e);
    }
    scanner = monitoring.scannerStatus();
  }

  private Counter signIns(String level) {
    return Counter.builder("rathaus.sign.ins")
        .tag("level", level.toLowerCase(Locale.ROOT))
        .description("Sign-ins on this node by eID level of assurance (none: staff)")
        .register(registry);
  }

  private void gauge(
      String name, String description, ToDoubleFunction<BusinessMetrics> value, String... tags) {
    Gauge.builder(name, this, value)
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }
}
