package eu.rathaus.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * How sure the portal can be who a citizen is, as the eID asserts it (eIDAS levels of assurance).
 *
 * <p>The eID realm sends its level as {@code acr} ({@code low}, {@code substantial}, {@code high});
 * the Keycloak realm {@code rathaus} hands it on to the portal as the claim {@code loa}. The eIDAS
 * URIs ({@code http://eidas.europa.eu/LoA/substantial}) are understood as well, so a real eID
 * broker can be plugged in without code changes. Labels for people come from the resource bundles
 * under {@link #messageKey()}.
 */
public enum LevelOfAssurance {
  LOW("low"),
  SUBSTANTIAL("substantial"),
  HIGH("high");

  private final String acr;

  LevelOfAssurance(String acr) {
    this.acr = acr;
  }

  /** The {@code acr} value the eID realm uses for this level (also what acr_values asks for). */
  public String acr() {
    return acr;
  }

  /** Resource bundle key of the label, e.g. {@code loa.substantial} = "substanziell". */
  public String messageKey() {
    return "loa." + acr;
  }

  /** For Jakarta EL 5, which does not call methods without the get prefix as properties. */
  public String getMessageKey() {
    return messageKey();
  }

  /** For Jakarta EL 5. */
  public String getAcr() {
    return acr;
  }

  /** True when this level is at least {@code required}. */
  public boolean satisfies(LevelOfAssurance required) {
    return required == null || compareTo(required) >= 0;
  }

  /**
   * Reads a claim value: the level names in any case, with or without the eIDAS URI prefix.
   * Anything else (missing claim, Keycloak's own numeric acr of a staff login) is empty: no eID
   * level.
   */
  public static Optional<LevelOfAssurance> fromClaim(Object claim) {
    if (claim == null) {
      return Optional.empty();
    }
    String text = String.valueOf(claim).strip();
    if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
      text = text.substring(1, text.length() - 1);
    }
    int slash = text.lastIndexOf('/');
    String name = (slash >= 0 ? text.substring(slash + 1) : text).toLowerCase(Locale.ROOT);
    for (LevelOfAssurance level : values()) {
      if (level.acr.equals(name)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** Parses a level given by name in a URL or configuration ({@code high}, {@code HIGH}). */
  public static Optional<LevelOfAssurance> fromName(String name) {
    return name == null ? Optional.empty() : fromClaim(name);
  }
}
