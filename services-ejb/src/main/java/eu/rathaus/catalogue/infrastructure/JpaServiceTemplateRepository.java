package eu.rathaus.catalogue.infrastructure;

import eu.rathaus.catalogue.domain.ServiceTemplate;
import eu.rathaus.catalogue.domain.ServiceTemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA implementation of {@link ServiceTemplateRepository}. */
@ApplicationScoped
public class JpaServiceTemplateRepository implements ServiceTemplateRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public Optional<ServiceTemplate> findByServiceKey(String serviceKey) {
    return em.createQuery(
            "select t from ServiceTemplate t where t.serviceKey = :key", ServiceTemplate.class)
        .setParameter("key", serviceKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ServiceTemplate> findAll() {
    return em.createQuery(
            "select t from ServiceTemplate t order by t.titleDe", ServiceTemplate.class)
        .getResultList();
  }

  @Override
  public void add(ServiceTemplate template) {
    em.persist(template);
  }
}
