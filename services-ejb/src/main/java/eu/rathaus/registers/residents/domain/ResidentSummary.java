package eu.rathaus.registers.residents.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** A hit of a register search: enough to tell people apart, not the whole record. */
public record ResidentSummary(
    UUID id,
    String givenNames,
    String familyName,
    LocalDate birthDate,
    String currentStreetLine,
    boolean blocked)
    implements Serializable {

  public UUID getId() {
    return id;
  }

  public String getName() {
    return familyName + ", " + givenNames;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getCurrentStreetLine() {
    return currentStreetLine;
  }

  public boolean isBlocked() {
    return blocked;
  }
}
