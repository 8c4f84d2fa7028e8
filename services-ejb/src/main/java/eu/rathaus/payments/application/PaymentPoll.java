package eu.rathaus.payments.application;

import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.PeriodicBatchJob;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles what notifications did not: every {@link PaymentSettings#pollIntervalSeconds()} it asks
 * the provider about hosted payments that have been PENDING longer than {@link
 * PaymentSettings#pollAfter()} (the citizen closed the tab, the notification was lost), and expires
 * payable requests past their due date. Provider answers go through the same {@link Settlement} as
 * notifications. Runs in the platform scope on its own transactions, claiming rows with SKIP
 * LOCKED.
 */
@ApplicationScoped
public class PaymentPoll {

  private static final Logger LOG = Logger.getLogger(PaymentPoll.class.getName());
  static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject PaymentRepository payments;
  @Inject PaymentProviders providers;
  @Inject Settlement settlement;
  @Inject DatabaseTenantScope databaseScope;
  @Inject PaymentPoll self;

  Clock clock = Clock.systemUTC();

  private final PeriodicBatchJob job =
      new PeriodicBatchJob(
          "Payment poll",
          BATCH,
          LOG,
          () -> self.settlePending(PaymentSettings.pollAfter()),
          () -> self.expireOverdue());

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    job.start(scheduler, PaymentSettings.pollIntervalSeconds());
  }

  @PreDestroy
  void stop() {
    job.stop();
  }

  /**
   * One batch of PENDING hosted payments older than {@code olderThan}: asks the provider and books
   * the answer. Returns how many it looked at.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int settlePending(Duration olderThan) {
    databaseScope.apply(TenantScope.platform("payment-poll"));
    Instant now = clock.instant();
    List<PaymentRequest> due = payments.claimPendingHosted(now.minus(olderThan), BATCH);
    for (PaymentRequest payment : due) {
      Optional<PaymentProvider> provider = providers.byName(payment.provider());
      if (provider.isEmpty()) {
        continue;
      }
      try {
        PaymentProvider.ProviderStatus status = provider.get().status(payment.providerPaymentId());
        Settlement.Result result =
            settlement.apply(
                payment,
                status.outcome(),
                status.amountCents(),
                "POLL:" + payment.provider(),
                "poll:" + payment.providerPaymentId() + ":" + status.outcome(),
                "payment-poll",
                now);
        if (result == Settlement.Result.AMOUNT_MISMATCH
            || result == Settlement.Result.NOT_ALLOWED) {
          LOG.log(
              Level.WARNING,
              "Poll of payment {0}: provider says {1} {2} ct, not booked ({3})",
              new Object[] {payment.id(), status.outcome(), status.amountCents(), result});
        }
      } catch (PaymentProviderException e) {
        LOG.log(
            Level.INFO,
            "Poll of payment {0} failed, next round: {1}",
            new Object[] {payment.id(), e.getMessage()});
      }
    }
    return due.size();
  }

  /** One batch of payable requests past their due date, moved to EXPIRED. Returns how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int expireOverdue() {
    databaseScope.apply(TenantScope.platform("payment-poll"));
    Instant now = clock.instant();
    LocalDate today = now.atZone(Payments.AUTHORITY_ZONE).toLocalDate();
    List<PaymentRequest> overdue = payments.claimOverdue(today, BATCH);
    for (PaymentRequest payment : overdue) {
      settlement.book(
          payment,
          payment.moveTo(
              PaymentState.EXPIRED,
              "EXPIRED",
              null,
              "POLL",
              null,
              "payment-poll",
              "due " + payment.dueDate(),
              now));
    }
    return overdue.size();
  }
}
