package eu.rathaus.retention.domain;

import java.time.LocalDate;

/**
 * What the rules need to know of a case, as dates in the municipality's time zone.
 *
 * @param ended true once decided, closed or withdrawn
 * @param withdrawn true if the citizen withdrew it (no decision to prove)
 * @param endedOn the day it ended (decision or withdrawal); null while open
 * @param legalHold true while a clerk's legal hold is set
 * @param lastBookedPaymentOn the day of the case's latest booked payment; null if none
 */
public record CaseFacts(
    boolean ended,
    boolean withdrawn,
    LocalDate endedOn,
    boolean legalHold,
    LocalDate lastBookedPaymentOn) {

  public CaseFacts {
    if (ended && endedOn == null) {
      throw new IllegalArgumentException("an ended case needs the day it ended");
    }
  }
}
