package eu.rathaus.catalogue.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored service definitions. Every lookup names the municipality: the service layer scopes each
 * query itself, and row-level security checks the same scope again in the database.
 */
public interface ServiceDefinitionRepository {

  Optional<ServiceDefinition> find(UUID municipalityId, UUID definitionId);

  Optional<ServiceDefinition> findByServiceKey(UUID municipalityId, String serviceKey);

  /** All definitions of a municipality (active and retired), by German title. */
  List<ServiceDefinition> findAll(UUID municipalityId);

  void add(ServiceDefinition definition);
}
