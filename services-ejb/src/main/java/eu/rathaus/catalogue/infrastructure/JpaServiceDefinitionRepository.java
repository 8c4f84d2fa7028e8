package eu.rathaus.catalogue.infrastructure;

import eu.rathaus.catalogue.domain.ServiceDefinition;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * JPA implementation of {@link ServiceDefinitionRepository}; every query carries the municipality.
 */
@ApplicationScoped
public class JpaServiceDefinitionRepository implements ServiceDefinitionRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public Optional<ServiceDefinition> find(UUID municipalityId, UUID definitionId) {
    // By primary key: no statement at all if this transaction loaded it already (a form page
    // finds the definition by its key, then its current version by the definition's id).
    return Optional.ofNullable(
            definitionId == null ? null : em.find(ServiceDefinition.class, definitionId))
        .filter(d -> d.municipalityId().equals(municipalityId));
  }

  @Override
  public Optional<ServiceDefinition> findByServiceKey(UUID municipalityId, String serviceKey) {
    return em.createQuery(
            "select d from ServiceDefinition d where d.serviceKey = :key and d.municipalityId = :m",
            ServiceDefinition.class)
        .setParameter("key", serviceKey)
        .setParameter("m", municipalityId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ServiceDefinition> findAll(UUID municipalityId) {
    return em.createQuery(
            "select d from ServiceDefinition d where d.municipalityId = :m order by d.titleDe, d.serviceKey",
            ServiceDefinition.class)
        .setParameter("m", municipalityId)
        .getResultList();
  }

  @Override
  public void add(ServiceDefinition definition) {
    em.persist(definition);
  }
}
