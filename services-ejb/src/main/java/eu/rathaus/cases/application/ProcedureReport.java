package eu.rathaus.cases.application;

/**
 * A step a specialist procedure reported about a case handed off to it, for {@link
 * CaseWork#procedureReport}.
 *
 * @param step what happened
 * @param procedureName the name the timeline shows as the actor (e.g. "Fachverfahren")
 * @param approved for {@code DECIDED}: approved (true) or rejected (false)
 * @param text the reasons of a decision, or the reason of a refusal
 * @param noticePdf for {@code DECIDED}: the procedure's own notice, or null for the portal's
 */
public record ProcedureReport(
    Step step, String procedureName, Boolean approved, String text, byte[] noticePdf) {

  /** The steps of a hand-off the case records. */
  public enum Step {
    HANDED_OVER,
    REFUSED,
    RECEIVED,
    IN_PROGRESS,
    DECIDED
  }
}
