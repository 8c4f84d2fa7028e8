package eu.rathaus.appointments.application;

import eu.rathaus.appointments.infrastructure.AppointmentSql;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.PeriodicBatchJob;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.Outbox;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The reminder the day before: for every booked appointment of tomorrow (Europe/Berlin) a mail
 * without content ("Sie haben morgen einen Termin; Details im Portal") is queued in the outbox, and
 * the appointment is marked reminded in the same transaction. Rows are claimed with SKIP LOCKED, so
 * with several nodes each appointment is reminded once: a second node skips the locked rows, and
 * after the commit they no longer match. Runs every minute in the platform scope through the same
 * {@link PeriodicBatchJob} loop as the outbox sender.
 */
@ApplicationScoped
public class AppointmentReminders {

  private static final Logger LOG = Logger.getLogger(AppointmentReminders.class.getName());
  static final long POLL_SECONDS = 60;
  static final int BATCH = 50;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject AppointmentSql sql;
  @Inject Outbox outbox;
  @Inject DatabaseTenantScope databaseScope;
  @Inject AppointmentReminders self;

  Clock clock = Clock.systemUTC();

  private final PeriodicBatchJob job =
      new PeriodicBatchJob("Appointment reminders", BATCH, LOG, () -> self.remindDue());

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    job.start(scheduler, POLL_SECONDS);
  }

  @PreDestroy
  void stop() {
    job.stop();
  }

  /** One batch of tomorrow's reminders in one transaction; returns how many were queued. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int remindDue() {
    databaseScope.apply(TenantScope.platform("appointment-reminders"));
    LocalDate tomorrow = LocalDate.now(clock.withZone(Appointments.ZONE)).plusDays(1);
    Instant from = tomorrow.atStartOfDay(Appointments.ZONE).toInstant();
    Instant to = tomorrow.plusDays(1).atStartOfDay(Appointments.ZONE).toInstant();
    List<AppointmentSql.ReminderRow> due = sql.claimReminders(from, to, BATCH);
    Instant now = clock.instant();
    for (AppointmentSql.ReminderRow row : due) {
      outbox.queue(
          row.municipalityId(),
          row.subject(),
          row.email(),
          Appointments.MAIL_REMINDER,
          Map.of(),
          "de");
      sql.markReminded(row.id(), now);
    }
    return due.size();
  }
}
