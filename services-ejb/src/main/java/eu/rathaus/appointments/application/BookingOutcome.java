package eu.rathaus.appointments.application;

import java.util.Optional;

/**
 * The answer to a booking: booked (or held until confirmed) with the secret of its link, or refused
 * with a message key ({@code appointments.refused.*} in the web bundle). Refusals are answers, not
 * exceptions, so a lost race shows a clear message and nothing half-written.
 */
public record BookingOutcome(Result result, Booked booked, String token) {

  /** What happened. */
  public enum Result {
    BOOKED,
    HELD,
    TAKEN,
    NOT_BOOKABLE,
    SIGN_IN_NEEDED,
    INVALID_EMAIL,
    ALREADY_BOOKED
  }

  static BookingOutcome refused(Result why) {
    return new BookingOutcome(why, null, null);
  }

  public boolean isSuccess() {
    return result == Result.BOOKED || result == Result.HELD;
  }

  public String messageKey() {
    return "appointments.refused." + result.name().toLowerCase(java.util.Locale.ROOT);
  }

  public Optional<Booked> bookedIfAny() {
    return Optional.ofNullable(booked);
  }
}
