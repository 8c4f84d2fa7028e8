package eu.rathaus.appointments.application;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

/** An appointment as the citizen sees it (its link's page, the confirmation page). */
public record Booked(
    UUID id,
    UUID typeId,
    String typeName,
    String locationName,
    String address,
    String counterName,
    Instant start,
    Instant end,
    String status,
    Instant holdExpiresAt) {

  public ZonedDateTime localStart() {
    return start.atZone(Appointments.ZONE);
  }

  public ZonedDateTime localEnd() {
    return end.atZone(Appointments.ZONE);
  }

  public boolean isHeld() {
    return "HELD".equals(status);
  }

  public boolean isBooked() {
    return "BOOKED".equals(status);
  }
}
