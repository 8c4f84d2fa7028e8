package eu.rathaus.cases.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The guard of every status change. It never throws for a refused transition: callers get a {@link
 * Decision} with a message key to show ("this case is already decided"), and nothing changes.
 */
public final class CaseLifecycle {

  private CaseLifecycle() {}

  /** The outcome of asking for a transition. */
  public record Decision(boolean allowed, CaseStatus next, String refusalKey) {
    static Decision allow(CaseStatus next) {
      return new Decision(true, next, null);
    }

    static Decision refuse(String key) {
      return new Decision(false, null, key);
    }
  }

  public static Decision decide(CaseStatus current, CaseAction action, CaseAction.Actor actor) {
    if (action.actor() != actor) {
      return Decision.refuse("case.refused.not-yours");
    }
    if (!action.allowedFrom(current)) {
      return Decision.refuse(
          current.isDecidedOrEnded() ? "case.refused.already-decided" : "case.refused.not-now");
    }
    return Decision.allow(action.target());
  }

  /** The actions this actor could take now, e.g. to render only the buttons that work. */
  public static List<CaseAction> available(CaseStatus current, CaseAction.Actor actor) {
    return Arrays.stream(CaseAction.values())
        .filter(a -> a.actor() == actor && a.allowedFrom(current))
        .toList();
  }
}
