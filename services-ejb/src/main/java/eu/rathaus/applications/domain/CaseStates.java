package eu.rathaus.applications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where a submitted application stands in the authority's case work, as "Meine Anträge" shows it. A
 * port: the case work capability implements it, so applications do not depend on cases.
 */
public interface CaseStates {

  /** The state of the application's case; "submitted" and its defaults while there is no case. */
  State ofApplication(UUID applicationId, Instant now);

  /**
   * @param caseId the case, null without one
   * @param status the case status' name
   * @param expectedDecision the due date as of {@code now}, null without a case
   * @param withdrawable whether the citizen may still withdraw the application
   */
  record State(UUID caseId, String status, LocalDate expectedDecision, boolean withdrawable) {}
}
