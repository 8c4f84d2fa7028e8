package eu.rathaus.web.applications;

import eu.rathaus.web.session.StepUp;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the apply page goes: which step a GET shows and the addresses it redirects to. Kept apart
 * from {@link ApplyView} so the decisions can be tested without a Faces context.
 */
final class ApplyNavigation {

  static final String PAGE = "/citizen/apply.xhtml";

  private ApplyNavigation() {}

  /**
   * The step to show for the {@code step} view parameter: never beyond the step the draft has
   * reached (no skipping ahead by editing the URL), the reached one if the parameter is absent or
   * not a number. {@code stepCount} is the review's index.
   */
  static int stepToShow(String requested, int currentStep, int stepCount) {
    int reached = Math.min(currentStep, stepCount);
    if (requested == null) {
      return reached;
    }
    try {
      return Math.max(0, Math.min(Integer.parseInt(requested), reached));
    } catch (NumberFormatException e) {
      return reached;
    }
  }

  /** The page itself, as the address to come back to after a step-up of the sign-in. */
  static String here(String draft, String municipality, String service) {
    return PAGE
        + "?"
        + (draft != null
            ? "draft=" + draft
            : "m=" + StepUp.encode(municipality) + "&s=" + StepUp.encode(service));
  }

  /** The query that shows step {@code step} of a stored draft (post/redirect/get). */
  static String stepQuery(UUID draftId, int step) {
    return "draft=" + draftId + "&step=" + step;
  }

  static Optional<UUID> parseUuid(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Session key of the values typed on steps left by "Zurück" that could not be saved. */
  static final String TYPED = "rathaus.apply.typed";

  /**
   * Keeps {@code valuesJson}, typed on step {@code step} of draft {@code draftId}, until the step
   * is shown again (see {@link #takeTyped}); a later "Zurück" from the same step replaces it.
   */
  @SuppressWarnings("unchecked")
  static void keepTyped(Map<String, Object> session, UUID draftId, int step, String valuesJson) {
    ((Map<String, String>) session.computeIfAbsent(TYPED, k -> new ConcurrentHashMap<>()))
        .put(draftId + "/" + step, valuesJson);
  }

  /** The values kept for that step, removed from the session; null if none. */
  @SuppressWarnings("unchecked")
  static String takeTyped(Map<String, Object> session, UUID draftId, int step) {
    Object kept = session.get(TYPED);
    return draftId == null || !(kept instanceof Map)
        ? null
        : ((Map<String, String>) kept).remove(draftId + "/" + step);
  }
}
