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

  /**
   * The member as one line of text ("Sabine Mustermann, 23.11.1982"): how a form offers the
   * household and how a change of address names who moves along.
   */
  public String line() {
    return name()
        + ", "
        + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(birthDate);
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
