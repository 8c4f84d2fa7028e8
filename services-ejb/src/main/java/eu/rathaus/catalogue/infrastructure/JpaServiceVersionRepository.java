package eu.rathaus.catalogue.infrastructure;

import eu.rathaus.catalogue.domain.ServiceVersion;
import eu.rathaus.catalogue.domain.ServiceVersionRepository;
import eu.rathaus.catalogue.domain.ServiceVersionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link ServiceVersionRepository}; every query carries the municipality. */
@ApplicationScoped
public class JpaServiceVersionRepository implements ServiceVersionRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public Optional<ServiceVersion> find(UUID municipalityId, UUID versionId) {
    // By primary key: no statement if this transaction loaded the version already.
    return Optional.ofNullable(versionId == null ? null : em.find(ServiceVersion.class, versionId))
        .filter(v -> v.municipalityId().equals(municipalityId));
  }

  @Override
  public Optional<ServiceVersion> findDraft(UUID municipalityId, UUID definitionId) {
    return em.createQuery(
            "select v from ServiceVersion v where v.definitionId = :d and v.municipalityId = :m and v.status = :draft",
            ServiceVersion.class)
        .setParameter("d", definitionId)
        .setParameter("m", municipalityId)
        .setParameter("draft", ServiceVersionStatus.DRAFT)
        .getResultStream()
        .findFirst();
  }

  @Override
  public int highestNumber(UUID municipalityId, UUID definitionId) {
    Integer max =
        em.createQuery(
                "select max(v.number) from ServiceVersion v where v.definitionId = :d and v.municipalityId = :m",
                Integer.class)
            .setParameter("d", definitionId)
            .setParameter("m", municipalityId)
            .getSingleResult();
    return max == null ? 0 : max;
  }

  @Override
  public List<ServiceVersion> findAll(UUID municipalityId, UUID definitionId) {
    return em.createQuery(
            "select v from ServiceVersion v where v.definitionId = :d and v.municipalityId = :m order by v.number",
            ServiceVersion.class)
        .setParameter("d", definitionId)
        .setParameter("m", municipalityId)
        .getResultList();
  }

  @Override
  public void add(ServiceVersion version) {
    em.persist(version);
  }
}
