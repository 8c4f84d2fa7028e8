package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.PeriodicBatchJob;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.Outbox;
import eu.rathaus.registers.lostproperty.domain.FinderNotice;
import eu.rathaus.registers.lostproperty.domain.ItemStatus;
import eu.rathaus.registers.lostproperty.infrastructure.LostPropertySql;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * § 973 BGB: once an item's deadline passed while it is still FOUND, it is marked for the finder
 * (TO_FINDER) or, if the finder waived the right, the municipality (TO_MUNICIPALITY). Runs every
 * ten minutes on every node in the platform scope, like the appointment reminders; rows are claimed
 * with SKIP LOCKED and changed in the same statement, so with several nodes each item is marked
 * once.
 *
 * <p>A finder whose contact staff recorded as an e-mail address is told in the same transaction
 * through the notification outbox: that the item is now theirs to collect, or, if they waived, that
 * the municipality keeps it. The notice is queued by the transaction that marks the item, so it is
 * queued exactly once however many nodes run the job (the other node's update finds the row changed
 * and skips it), and never for a marking that rolled back. It names the item by a short reference
 * and its finding date only; a finder without an e-mail address is left to staff.
 */
@ApplicationScoped
public class FindersDeadlineJob {

  private static final Logger LOG = Logger.getLogger(FindersDeadlineJob.class.getName());
  static final long POLL_SECONDS = 600;
  static final int BATCH = 100;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject LostPropertySql sql;
  @Inject DatabaseTenantScope databaseScope;
  @Inject Outbox outbox;
  @Inject AuditLog audit;
  @Inject FindersDeadlineJob self;

  Clock clock = Clock.systemUTC();

  private final PeriodicBatchJob job =
      new PeriodicBatchJob("Finder's deadlines", BATCH, LOG, () -> self.markPassed());

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    job.start(scheduler, POLL_SECONDS);
  }

  @PreDestroy
  void stop() {
    job.stop();
  }

  /** One batch of items whose deadline passed, marked in one transaction; returns how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int markPassed() {
    databaseScope.apply(TenantScope.platform("lost-property-deadlines"));
    LocalDate today = LocalDate.now(clock.withZone(LostPropertyOffice.ZONE));
    List<LostPropertySql.DueRow> marked = sql.markDeadlinesPassed(today, clock.instant(), BATCH);
    for (LostPropertySql.DueRow row : marked) {
      LOG.log(
          Level.INFO,
          "Found item {0}: deadline passed, now {1}",
          new Object[] {row.id(), row.status()});
      tellFinder(row);
    }
    return marked.size();
  }

  private void tellFinder(LostPropertySql.DueRow row) {
    Optional<String> email =
        sql.finder(row.municipalityId(), row.id()).map(f -> f[1]).flatMap(FinderNotice::emailOf);
    if (email.isEmpty()) {
      return;
    }
    String template =
        ItemStatus.TO_FINDER.name().equals(row.status())
            ? FinderNotice.TO_FINDER
            : FinderNotice.TO_MUNICIPALITY;
    outbox.queue(
        row.municipalityId(),
        null,
        email.get(),
        template,
        Map.of("reference", FinderNotice.reference(row.id(), row.foundOn())),
        "de");
    audit.record(
        new AuditEvent(
            "lost-property-deadlines",
            "lostproperty.finder.notified",
            "found_item",
            row.id().toString(),
            row.municipalityId(),
            template));
  }
}
