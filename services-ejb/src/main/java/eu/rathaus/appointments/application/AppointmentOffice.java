package eu.rathaus.appointments.application;

import eu.rathaus.appointments.infrastructure.AppointmentSql;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The staff's side: the day's appointments of the caller's municipality per counter, and marking a
 * no-show. The municipality comes from the staff scope, never from a parameter; row-level security
 * (V27) checks the same again.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class AppointmentOffice {

  /** One appointment in the day list. */
  public record Entry(
      UUID id,
      String typeName,
      ZonedDateTime start,
      ZonedDateTime end,
      String status,
      String email,
      UUID caseId)
      implements java.io.Serializable {

    public boolean isNoShow() {
      return "NO_SHOW".equals(status);
    }
  }

  /** A counter's appointments of the day. */
  public record CounterDay(String counterName, List<Entry> entries)
      implements java.io.Serializable {}

  @Inject AppointmentSql sql;
  @Inject CallerScope caller;
  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  public List<CounterDay> day(LocalDate day) {
    UUID municipality = municipality();
    Map<UUID, CounterDay> byCounter = new LinkedHashMap<>();
    for (AppointmentSql.DayRow r :
        sql.day(
            municipality,
            day.atStartOfDay(Appointments.ZONE).toInstant(),
            day.plusDays(1).atStartOfDay(Appointments.ZONE).toInstant())) {
      byCounter
          .computeIfAbsent(r.counterId(), id -> new CounterDay(r.counterName(), new ArrayList<>()))
          .entries()
          .add(
              new Entry(
                  r.id(),
                  r.typeName(),
                  r.start().atZone(Appointments.ZONE),
                  r.end().atZone(Appointments.ZONE),
                  r.status(),
                  r.email(),
                  r.caseId()));
    }
    return List.copyOf(byCounter.values());
  }

  /** Marks a booked appointment that has begun as a no-show (audited); false if it is none. */
  public boolean markNoShow(UUID appointment) {
    Instant now = clock.instant();
    UUID municipality = municipality();
    boolean marked = sql.markNoShow(appointment, municipality, now);
    if (marked) {
      audit.record(
          new AuditEvent(
              caller.get().subject(),
              "appointment.no-show",
              "appointment",
              appointment.toString(),
              municipality,
              null));
    }
    return marked;
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("the appointment office is for a municipality's staff");
    }
    return scope.municipalityId();
  }
}
