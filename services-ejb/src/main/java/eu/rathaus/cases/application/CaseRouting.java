package eu.rathaus.cases.application;

import java.util.Optional;

/**
 * Decides, when a case opens, whether one staff role works it instead of every clerk of the
 * municipality. Another capability implements it for its own services (the privacy capability: data
 * protection requests go to the {@code data-protection} role), so the cases capability knows no
 * service by name.
 */
public interface CaseRouting {

  /** The staff role the case of a {@code serviceKey} application requires, if any. */
  Optional<String> staffRole(String serviceKey);
}
