package eu.rathaus.registers.residents.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The port to a municipality's resident register. The built-in adapter keeps the register in the
 * portal's PostgreSQL (a municipality without a register of its own); an operator may connect an
 * external register service instead by another adapter. Adapters only read and write — the caller
 * audits every read (who read whose record, why).
 */
public interface ResidentRegister {

  /** Residents whose names contain every word of {@code query}, by family name; at most limit. */
  List<ResidentSummary> search(UUID municipality, String query, int limit);

  /** One resident of the municipality, with addresses, household and blocking notes. */
  Optional<Resident> find(UUID municipality, UUID id);

  /**
   * The record linked to an eID pseudonym (the user name the eID broker gives), as the citizen
   * herself may read it: with addresses and blocking notes; the household's members (names, birth
   * dates, relations — nothing else of their records) as far as the adapter gives them (the
   * built-in one reads them through V58, the HTTP adapter from the service).
   */
  Optional<Resident> findOwn(UUID municipality, String eidPseudonym);

  /**
   * The household of the record linked to an eID pseudonym, as the citizen herself may see it (to
   * say who moves with her): names, birth dates and relation of the members; empty without a
   * record.
   */
  List<HouseholdMember> ownHousehold(UUID municipality, String eidPseudonym);

  /**
   * The record linked to an eID pseudonym, as the municipality's staff read it (with household).
   */
  Optional<Resident> findLinked(UUID municipality, String eidPseudonym);

  /**
   * A move: the resident's current main residence ends the day before {@code movingDate} (kept in
   * the history) and {@code address} becomes the main residence from that day.
   */
  void move(UUID municipality, UUID resident, MoveRequest.NewAddress address, LocalDate movingDate);

  /**
   * A person moving in from elsewhere: a new record linked to the eID pseudonym, with {@code
   * address} as main residence from {@code movingDate}; returns its id.
   */
  UUID register(
      UUID municipality,
      String givenNames,
      String familyName,
      LocalDate birthDate,
      String eidPseudonym,
      MoveRequest.NewAddress address,
      LocalDate movingDate);

  /**
   * The address a resident lived at before moving in from elsewhere, kept in her history as a past
   * main residence until {@code until} (the day before she moved in); the register does not know
   * since when she lived there.
   */
  void recordPreviousAddress(
      UUID municipality, UUID resident, MoveRequest.NewAddress address, LocalDate until);

  /** Links the residents into one household (each to every other, relation {@code OTHER}). */
  void joinHousehold(UUID municipality, List<UUID> residents);
}
