package eu.rathaus.messaging.application;

import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.PeriodicBatchJob;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.domain.OutboxMessage;
import eu.rathaus.messaging.domain.OutboxRepository;
import eu.rathaus.messaging.domain.RetryPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox. Every few seconds it claims the rows that are due (locked with SKIP LOCKED,
 * so several portal instances never send the same row twice at the same time), sends each, and
 * marks it sent — or counts the failure, keeps the error and schedules the next attempt with
 * exponential back-off ({@link RetryPolicy}); after the last attempt the row stays with its error
 * for an operator. Nothing is lost while the mail server is down: rows simply wait.
 *
 * <p>Delivery is at least once: if the commit after a successful send fails, the mail goes out
 * again. For a notice without personal content a rare duplicate is the right trade against a lost
 * one.
 *
 * <p>It works in the platform scope, set directly on its own transactions (there is no request and
 * so no caller here), because it serves every municipality.
 */
@ApplicationScoped
public class OutboxSender {

  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
  static final long POLL_SECONDS = 2;
  static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxRepository repository;
  @Inject DatabaseTenantScope databaseScope;
  @Inject NoticeTexts texts;
  @Inject Mailer mailer;
  @Inject OutboxSender self;

  RetryPolicy retry = RetryPolicy.DEFAULT;
  Clock clock = Clock.systemUTC();

  // Typically the database is away when a run fails (readiness reports that): the job says it
  // once, not every two seconds.
  private final PeriodicBatchJob job =
      new PeriodicBatchJob("Outbox", BATCH, LOG, () -> self.sendDue());

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    job.start(scheduler, POLL_SECONDS);
  }

  @PreDestroy
  void stop() {
    job.stop();
  }

  /** One batch in one transaction; returns how many rows it worked on. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int sendDue() {
    databaseScope.apply(TenantScope.platform("outbox-sender"));
    Instant now = clock.instant();
    List<OutboxMessage> due = repository.claimDue(now, BATCH);
    for (OutboxMessage message : due) {
      deliver(message, now);
    }
    return due.size();
  }

  void deliver(OutboxMessage message, Instant now) {
    try {
      NoticeTexts.Notice notice =
          texts.render(
              message.templateKey(),
              parameters(message.parametersJson()),
              Locale.forLanguageTag(message.locale()));
      mailer.send(message.recipientEmail(), notice.subject(), notice.body(), notice.attachment());
      message.markSent(clock.instant());
      LOG.log(Level.FINE, "Outbox message {0} sent", message.id());
    } catch (Exception e) {
      message.markFailed(e.getClass().getSimpleName() + ": " + e.getMessage(), retry, now);
      if (message.nextAttemptAt() == null) {
        LOG.log(
            Level.WARNING,
            "Outbox message {0} given up after {1} attempts: {2}",
            new Object[] {message.id(), message.attempts(), message.lastError()});
      } else {
        LOG.log(
            Level.INFO,
            "Outbox message {0} failed (attempt {1}), next at {2}",
            new Object[] {message.id(), message.attempts(), message.nextAttemptAt()});
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> parameters(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
    } catch (Exception e) {
      return Map.of();
    }
  }
}
