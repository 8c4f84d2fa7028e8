package eu.rathaus.appointments.application;

import eu.rathaus.appointments.domain.AppointmentToken;
import eu.rathaus.appointments.infrastructure.AppointmentSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The calendar file for a mail being sent. Joins the outbox sender's transaction and keeps its
 * scope: the sender runs without a request, so there is no caller scope to apply (hence no
 * {@code @TenantScoped}). Reads only through the link function and the public tables of V27.
 */
@ApplicationScoped
public class AppointmentCalendar {

  @Inject AppointmentSql sql;

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> icsForMail(String token) {
    String hash = AppointmentToken.hash(token);
    return hash == null
        ? Optional.empty()
        : sql.byToken(hash).flatMap(row -> Appointments.booked(sql, row)).map(Appointments::ics);
  }
}
