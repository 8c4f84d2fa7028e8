package eu.rathaus.registers.residents.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What a citizen asked for in a change of address, as read from her application.
 *
 * @param kind within the municipality (Ummeldung) or from elsewhere (Anmeldung)
 * @param movingDate the day she moved in at the new address; null if not given or unreadable
 * @param newAddress the new main residence (moving-in date = {@code movingDate})
 * @param movers the lines naming who moves with her, as she left them in the form
 * @param landlordDocument whether the landlord's confirmation was uploaded
 * @param landlordCode the landlord's code, or null
 */
public record MoveRequest(
    Kind kind,
    LocalDate movingDate,
    NewAddress newAddress,
    List<String> movers,
    boolean landlordDocument,
    String landlordCode)
    implements Serializable {

  /** Ummeldung (within the municipality) or Anmeldung (moving in from elsewhere). */
  public enum Kind {
    WITHIN,
    FROM_ELSEWHERE
  }

  /** A new address as the form gives it. */
  public record NewAddress(String street, String houseNumber, String postcode, String town)
      implements Serializable {

    /** True if all four parts are there and the postcode has five digits. */
    public boolean complete() {
      return present(street)
          && present(houseNumber)
          && present(town)
          && postcode != null
          && postcode.strip().matches("[0-9]{5}");
    }

    /** The same place as a register address (case and spaces do not count). */
    public boolean sameAs(Address a) {
      return norm(street).equals(norm(a.street()))
          && norm(houseNumber).equals(norm(a.houseNumber()))
          && norm(postcode).equals(norm(a.postcode()));
    }

    public String line() {
      return street + " " + houseNumber + ", " + postcode + " " + town;
    }

    private static boolean present(String s) {
      return s != null && !s.isBlank();
    }
  }

  public MoveRequest {
    movers = movers == null ? List.of() : List.copyOf(movers);
    landlordCode = landlordCode == null || landlordCode.isBlank() ? null : landlordCode.strip();
  }

  /** Lower case, inner spaces collapsed: for comparing what people type. */
  static String norm(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }
}
