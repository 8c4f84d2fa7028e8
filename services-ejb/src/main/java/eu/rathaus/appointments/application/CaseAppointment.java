package eu.rathaus.appointments.application;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * A case whose service ends with an appointment: the type to book for it and, once booked, the
 * appointment itself ({@code appointmentId} null until then).
 */
public record CaseAppointment(
    UUID caseId,
    BookableType type,
    UUID appointmentId,
    ZonedDateTime start,
    ZonedDateTime end,
    String status)
    implements Serializable {

  public boolean isBooked() {
    return appointmentId != null;
  }

  public boolean isNoShow() {
    return "NO_SHOW".equals(status);
  }
}
