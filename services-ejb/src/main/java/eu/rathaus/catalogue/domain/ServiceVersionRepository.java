package eu.rathaus.catalogue.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored versions; published ones are never changed, only read. */
public interface ServiceVersionRepository {

  Optional<ServiceVersion> find(UUID municipalityId, UUID versionId);

  /** The open draft of a definition, if any (there is at most one). */
  Optional<ServiceVersion> findDraft(UUID municipalityId, UUID definitionId);

  /** Highest version number used so far, 0 for none. */
  int highestNumber(UUID municipalityId, UUID definitionId);

  List<ServiceVersion> findAll(UUID municipalityId, UUID definitionId);

  void add(ServiceVersion version);
}
