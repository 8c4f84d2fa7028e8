package eu.rathaus.registers.residents.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person in a municipality's resident register with the whole address history (newest first), the
 * household and the blocking notes.
 */
public record Resident(
    UUID id,
    UUID municipalityId,
    String givenNames,
    String familyName,
    String birthName,
    LocalDate birthDate,
    String birthPlace,
    String nationality,
    List<Address> addresses,
    List<HouseholdMember> household,
    List<BlockNote> blocks)
    implements Serializable {

  public Resident {
    addresses =
        addresses == null
            ? List.of()
            : addresses.stream()
                .sorted(
                    Comparator.comparing(
                            Address::movedIn, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
    household = household == null ? List.of() : List.copyOf(household);
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }

  /** The same record with that household. */
  public Resident withHousehold(List<HouseholdMember> members) {
    return new Resident(
        id,
        municipalityId,
        givenNames,
        familyName,
        birthName,
        birthDate,
        birthPlace,
        nationality,
        addresses,
        members,
        blocks);
  }

  /** The current main residence, if the person has one. */
  public Optional<Address> mainResidence() {
    return addresses.stream()
        .filter(a -> a.isCurrent() && a.residence() == Residence.MAIN)
        .findFirst();
  }

  /** Current secondary residences. */
  public List<Address> secondaryResidences() {
    return addresses.stream()
        .filter(a -> a.isCurrent() && a.residence() == Residence.SECONDARY)
        .toList();
  }

  /** Addresses the person has moved out of, newest first. */
  public List<Address> pastAddresses() {
    return addresses.stream().filter(a -> !a.isCurrent()).toList();
  }

  /** True if a blocking note is in effect on that day. */
  public boolean isBlockedOn(LocalDate day) {
    return blocks.stream().anyMatch(b -> b.isEffectiveOn(day));
  }

  public String name() {
    return givenNames + " " + familyName;
  }

  // For Jakarta EL 5, which does not see record components as properties.

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name();
  }

  public String getBirthName() {
    return birthName;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getBirthPlace() {
    return birthPlace;
  }

  public String getNationality() {
    return nationality;
  }

  public List<Address> getAddresses() {
    return addresses;
  }

  public List<HouseholdMember> getHousehold() {
    return household;
  }

  public List<BlockNote> getBlocks() {
    return blocks;
  }
}
