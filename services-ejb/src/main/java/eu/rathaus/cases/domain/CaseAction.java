package eu.rathaus.cases.domain;

import java.util.Set;

/** What someone does to a case, who may do it, and where it leads. */
public enum CaseAction {
  /** A clerk takes the case and starts reviewing it. */
  CLAIM(Actor.STAFF, Set.of(CaseStatus.SUBMITTED), CaseStatus.IN_REVIEW),
  /** A clerk asks the citizen for information or a document; the clock pauses. */
  REQUEST_INFORMATION(Actor.STAFF, Set.of(CaseStatus.IN_REVIEW), CaseStatus.WAITING_FOR_CITIZEN),
  /** The citizen answered; the case goes back to review and the clock runs again. */
  CITIZEN_REPLIED(Actor.CITIZEN, Set.of(CaseStatus.WAITING_FOR_CITIZEN), CaseStatus.IN_REVIEW),
  APPROVE(Actor.STAFF, Set.of(CaseStatus.IN_REVIEW), CaseStatus.APPROVED),
  REJECT(Actor.STAFF, Set.of(CaseStatus.IN_REVIEW), CaseStatus.REJECTED),
  CLOSE(Actor.STAFF, Set.of(CaseStatus.APPROVED, CaseStatus.REJECTED), CaseStatus.CLOSED),
  /**
   * The portal issued what was applied for at once, from a register and without a clerk (the
   * Meldebescheinigung): nothing is left to decide, the case is closed.
   */
  ISSUED(Actor.SYSTEM, Set.of(CaseStatus.SUBMITTED, CaseStatus.IN_REVIEW), CaseStatus.CLOSED),
  /** The citizen withdraws before a decision. */
  WITHDRAW(
      Actor.CITIZEN,
      Set.of(CaseStatus.SUBMITTED, CaseStatus.IN_REVIEW, CaseStatus.WAITING_FOR_CITIZEN),
      CaseStatus.WITHDRAWN);

  /** Who acts. */
  public enum Actor {
    STAFF,
    CITIZEN,
    /** The portal itself, in the request of whoever caused it (never offered as a button). */
    SYSTEM
  }

  private final Actor actor;
  private final Set<CaseStatus> from;
  private final CaseStatus to;

  CaseAction(Actor actor, Set<CaseStatus> from, CaseStatus to) {
    this.actor = actor;
    this.from = from;
    this.to = to;
  }

  public Actor actor() {
    return actor;
  }

  public CaseStatus target() {
    return to;
  }

  public boolean allowedFrom(CaseStatus status) {
    return from.contains(status);
  }
}
