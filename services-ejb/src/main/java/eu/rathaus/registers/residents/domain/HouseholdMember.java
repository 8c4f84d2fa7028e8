package eu.rathaus.registers.residents.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** Another resident of the same household and how the two are related. */
public record HouseholdMember(
    UUID id, String givenNames, String familyName, LocalDate birthDate, Relation relation)
    implements Serializable {

  /** The relation of the member to the resident whose household it is. */
  public enum Relation {
    SPOUSE,
    PARTNER,
    CHILD,
    PARENT,
    OTHER
  }

  public String name() {
    return givenNames + " " + familyName;
  }

  public String getName() {
    return name();
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public Relation getRelation() {
    return relation;
  }

  public UUID getId() {
    return id;
  }
}
