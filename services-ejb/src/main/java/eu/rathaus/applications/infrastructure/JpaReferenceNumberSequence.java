package eu.rathaus.applications.infrastructure;

import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.applications.domain.ReferenceNumberSequence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * One upsert per number: {@code insert … on conflict do update … returning}. The row lock it takes
 * is per municipality and year, so submissions of different municipalities never wait for each
 * other, and the lock is held only until the submitting transaction ends.
 */
@ApplicationScoped
public class JpaReferenceNumberSequence implements ReferenceNumberSequence {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public ReferenceNumber next(UUID municipalityId, String municipalityCode, int year) {
    Number value =
        (Number)
            em.createNativeQuery(
                    "insert into application_reference_counter (municipality_id, year, last_value) values (?1, ?2, 1)"
                        + " on conflict (municipality_id, year)"
                        + " do update set last_value = application_reference_counter.last_value + 1"
                        + " returning last_value")
                .setParameter(1, municipalityId)
                .setParameter(2, year)
                .getSingleResult();
    return new ReferenceNumber(municipalityCode, year, value.longValue());
  }
}
