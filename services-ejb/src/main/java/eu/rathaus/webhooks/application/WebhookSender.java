package eu.rathaus.webhooks.application;

import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.PeriodicBatchJob;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.domain.RetryPolicy;
import eu.rathaus.webhooks.domain.DueDelivery;
import eu.rathaus.webhooks.domain.WebhookRepository;
import eu.rathaus.webhooks.domain.WebhookSignature;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the webhook outbox as {@code messaging}'s {@code OutboxSender} delivers notices: every
 * few seconds it claims the due deliveries ({@code FOR UPDATE SKIP LOCKED}, so several portal nodes
 * never send the same one at the same time), posts each signed following Standard Webhooks ({@link
 * WebhookSignature}) and marks it delivered on a 2xx answer — or counts the failure with the
 * response code or the error and schedules the next attempt with exponential back-off ({@link
 * #RETRY}); after the last attempt the delivery is FAILED and waits for the admin's replay.
 *
 * <p>During a secret's rotation ({@link WebhookSubscriptions#rotateSecret}) a delivery carries two
 * signatures, the new secret's first. A secret that cannot be opened (its key erased) counts as a
 * failed attempt like a receiver that is down.
 *
 * <p>At least once: if the commit after a successful post fails, the delivery goes out again with
 * the same {@code webhook-id}, by which the receiver recognises it. The secret never reaches a log.
 */
@ApplicationScoped
public class WebhookSender {

  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
  static final long POLL_SECONDS = 2;
  static final int BATCH = 10;

  /** 5 s, doubled per attempt up to 6 h; fifteen attempts (over about 17 hours) in all. */
  public static final RetryPolicy RETRY =
      new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(6), 15);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject WebhookRepository repository;
  @Inject DatabaseTenantScope databaseScope;
  @Inject WebhookPoster poster;
  @Inject WebhookSender self;
  @Inject WebhookSecrets secrets;

  RetryPolicy retry = RETRY;
  Clock clock = Clock.systemUTC();

  private final PeriodicBatchJob job =
      new PeriodicBatchJob("Webhooks", BATCH, LOG, () -> self.sendDue());

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    job.start(scheduler, POLL_SECONDS);
  }

  @PreDestroy
  void stop() {
    job.stop();
  }

  /** One batch in one transaction, in the platform scope; returns how many it worked on. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int sendDue() {
    databaseScope.apply(TenantScope.platform("webhook-sender"));
    List<DueDelivery> due = repository.claimDue(clock.instant(), BATCH);
    for (DueDelivery delivery : due) {
      deliver(delivery);
    }
    return due.size();
  }

  /**
   * The secrets a delivery is signed with: the subscription's, and during a rotation's grace period
   * the previous one too (its signature second).
   */
  List<String> signingSecrets(DueDelivery d, Instant now) {
    String current = secrets.open(d.municipalityId(), d.subscriptionId(), d.secret());
    if (!d.previousValidAt(now)) {
      return List.of(current);
    }
    return List.of(
        current, secrets.open(d.municipalityId(), d.subscriptionId(), d.previousSecret()));
  }

  void deliver(DueDelivery d) {
    int attempts = d.attempts() + 1;
    Instant now = clock.instant();
    String id = d.id().toString();
    long timestamp = now.getEpochSecond();
    Integer status = null;
    String error;
    try {
      Map<String, String> headers =
          Map.of(
              "webhook-id", id,
              "webhook-timestamp", Long.toString(timestamp),
              "webhook-signature",
                  WebhookSignature.sign(signingSecrets(d, now), id, timestamp, d.payload()));
      status = poster.post(d.url(), headers, d.payload());
      if (status >= 200 && status < 300) {
        repository.delivered(d.id(), attempts, status, clock.instant());
        LOG.log(Level.FINE, "Webhook delivery {0} delivered ({1})", new Object[] {id, status});
        return;
      }
      error = "HTTP " + status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    Instant next = retry.nextAttempt(attempts, now).orElse(null);
    repository.attemptFailed(d.id(), attempts, status, error, clock.instant(), next);
    LOG.log(
        next == null ? Level.WARNING : Level.INFO,
        next == null
            ? "Webhook delivery {0} failed after {1} attempts: {2}"
            : "Webhook delivery {0} failed (attempt {1}: {2}), next at {3}",
        new Object[] {id, attempts, error, next});
  }
}
