package eu.rathaus.registers.residents.domain;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One address of a resident: current while {@code movedOut} is null.
 *
 * @param movedIn the moving-in date; {@code null} for a past address the register does not know it
 *     of (the previous address elsewhere that an Anmeldung records, V71)
 * @param movedOut the moving-out date, {@code null} for a current address
 */
public record Address(
    String street,
    String houseNumber,
    String postcode,
    String town,
    LocalDate movedIn,
    LocalDate movedOut,
    Residence residence)
    implements Serializable {

  public boolean isCurrent() {
    return movedOut == null;
  }

  /** Street and house number, as one line of a letter. */
  public String streetLine() {
    return street + " " + houseNumber;
  }

  /** Postcode and town, as one line of a letter. */
  public String townLine() {
    return postcode + " " + town;
  }

  /** For Jakarta EL 5, which does not see record components as properties. */
  public String getStreetLine() {
    return streetLine();
  }

  public String getTownLine() {
    return townLine();
  }

  public LocalDate getMovedIn() {
    return movedIn;
  }

  public LocalDate getMovedOut() {
    return movedOut;
  }

  public Residence getResidence() {
    return residence;
  }
}
