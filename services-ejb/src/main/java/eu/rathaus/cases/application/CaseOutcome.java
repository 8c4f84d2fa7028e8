package eu.rathaus.cases.application;

import java.io.Serializable;
import java.util.List;

/**
 * The answer to a clerk's or citizen's action on a case. A refusal is an answer, not an exception:
 * the page shows {@code refusalKey} (with {@code arguments}, e.g. who changed the case meanwhile)
 * and nothing changed. {@code version} is the case's version after the action, for the next one.
 */
public record CaseOutcome(boolean done, String refusalKey, List<String> arguments, long version)
    implements Serializable {

  /** The case changed since the clerk loaded it; argument: who changed it. */
  public static final String STALE = "case.refused.stale";

  public static final String NOT_FOUND = "case.refused.not-found";
  public static final String TEXT_REQUIRED = "case.refused.text-required";
  public static final String UNKNOWN_COLLEAGUE = "case.refused.unknown-colleague";
  public static final String ALREADY_YOURS = "case.refused.already-yours";

  public CaseOutcome {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  static CaseOutcome done(long version) {
    return new CaseOutcome(true, null, List.of(), version);
  }

  static CaseOutcome refused(String key, String... arguments) {
    return new CaseOutcome(false, key, List.of(arguments), -1);
  }

  public boolean isDone() {
    return done;
  }

  public String getRefusalKey() {
    return refusalKey;
  }
}
