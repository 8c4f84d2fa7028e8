package eu.rathaus.messaging.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.domain.AddressMask;
import eu.rathaus.messaging.domain.OutboxMessage;
import eu.rathaus.messaging.domain.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The notices of a municipality that the {@link OutboxSender} gave up on after its last attempt,
 * for the municipal admin: shown with masked addresses and retried on request. Without this page a
 * given-up notice would only be a log line nobody reads.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class FailedNotifications {

  private static final int LIMIT = 200;

  @Inject OutboxRepository repository;
  @Inject AuditLog audit;
  @Inject CallerScope caller;

  Clock clock = Clock.systemUTC();

  public List<FailedNotification> list() {
    TenantScope scope = requireStaff();
    return repository.givenUp(scope.municipalityId(), LIMIT).stream()
        .map(
            m ->
                new FailedNotification(
                    m.id(),
                    AddressMask.mask(m.recipientEmail()),
                    m.templateKey(),
                    m.attempts(),
                    m.createdAt(),
                    m.lastError()))
        .toList();
  }

  /** Schedules a given-up notice of the caller's municipality again; false for any other id. */
  public boolean retry(UUID id) {
    TenantScope scope = requireStaff();
    OutboxMessage message = id == null ? null : repository.find(id);
    if (message == null
        || !scope.municipalityId().equals(message.municipalityId())
        || !message.retryNow(clock.instant())) {
      return false;
    }
    audit.record(
        new AuditEvent(
            scope.subject(),
            "notification.retried",
            "notification_outbox",
            id.toString(),
            scope.municipalityId(),
            "template=" + message.templateKey()));
    return true;
  }

  private TenantScope requireStaff() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new IllegalStateException("Failed notifications are shown to the municipality's staff");
    }
    return scope;
  }
}
