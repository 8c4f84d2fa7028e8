package eu.rathaus.tenancy.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sixteen German states with the two-digit code that opens every official municipality key
 * (AGS), so an AGS can be checked against the state it is claimed for.
 */
public enum GermanState {
  SCHLESWIG_HOLSTEIN("01", "Schleswig-Holstein"),
  HAMBURG("02", "Hamburg"),
  NIEDERSACHSEN("03", "Niedersachsen"),
  BREMEN("04", "Bremen"),
  NORDRHEIN_WESTFALEN("05", "Nordrhein-Westfalen"),
  HESSEN("06", "Hessen"),
  RHEINLAND_PFALZ("07", "Rheinland-Pfalz"),
  BADEN_WUERTTEMBERG("08", "Baden-Württemberg"),
  BAYERN("09", "Bayern"),
  SAARLAND("10", "Saarland"),
  BERLIN("11", "Berlin"),
  BRANDENBURG("12", "Brandenburg"),
  MECKLENBURG_VORPOMMERN("13", "Mecklenburg-Vorpommern"),
  SACHSEN("14", "Sachsen"),
  SACHSEN_ANHALT("15", "Sachsen-Anhalt"),
  THUERINGEN("16", "Thüringen");

  private final String code;
  private final String displayName;

  GermanState(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  /** For Jakarta EL 5 (select items in views). */
  public String getDisplayName() {
    return displayName;
  }

  public static Optional<GermanState> byDisplayName(String name) {
    return Arrays.stream(values()).filter(s -> s.displayName.equals(name)).findFirst();
  }
}
