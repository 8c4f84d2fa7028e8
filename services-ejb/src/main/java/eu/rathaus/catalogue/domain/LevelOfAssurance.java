package eu.rathaus.catalogue.domain;

import java.util.Locale;

/**
 * eIDAS level of assurance a service requires of the signed-in citizen (asserted by the eID broker as
 * {@code acr}). Declared in the order of strength, so {@link #satisfies} can compare ordinals.
 *
 * <p>Kept in the catalogue for now because nothing else uses it yet; when identity starts mapping
 * {@code acr} values it should move to {@code eu.rathaus.identity} unchanged.
 */
public enum LevelOfAssurance {
  LOW,
  SUBSTANTIAL,
  HIGH;

  /** True if a session at this level may use a service that requires {@code required}. */
  public boolean satisfies(LevelOfAssurance required) {
    return compareTo(required) >= 0;
  }

  /** The eIDAS {@code acr} spelling ({@code low}, {@code substantial}, {@code high}). */
  public String acr() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads an {@code acr} value; unknown or missing values are the weakest level, never stronger. */
  public static LevelOfAssurance fromAcr(String acr) {
    if (acr != null) {
      for (LevelOfAssurance level : values()) {
        if (level.acr().equalsIgnoreCase(acr.strip())) {
          return level;
        }
      }
    }
    return LOW;
  }
}
