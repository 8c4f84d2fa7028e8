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
    return em.createQuery(
            "select d from ServiceDefinition d where d.id = :id and d.municipalityId = :m",
            ServiceDefinition.class)
        .setParameter("id", definitionId)
        .setParameter("m", municipalityId)
        .getResultStream()
        .findFirst();
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
