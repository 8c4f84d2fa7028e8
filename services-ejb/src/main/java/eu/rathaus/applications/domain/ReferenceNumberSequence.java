package eu.rathaus.applications.domain;

import java.util.UUID;

/**
 * Hands out reference numbers without gaps being a problem and without duplicates: one counter row
 * per municipality and year, incremented inside the submitting transaction. If that transaction
 * rolls back, the number is simply not used (a gap is harmless; a duplicate would not be).
 */
public interface ReferenceNumberSequence {

  /**
   * The next number for {@code municipalityId} in {@code year}, joining the caller's transaction.
   */
  ReferenceNumber next(UUID municipalityId, String municipalityCode, int year);
}
