package eu.rathaus.registers.residents.domain;

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
   * built-in one adds them through V58 in the configured register, the HTTP adapter reads them).
   */
  Optional<Resident> findOwn(UUID municipality, String eidPseudonym);
}
