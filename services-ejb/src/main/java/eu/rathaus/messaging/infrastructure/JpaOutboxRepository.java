package eu.rathaus.messaging.infrastructure;

import eu.rathaus.messaging.domain.OutboxMessage;
import eu.rathaus.messaging.domain.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JPA and SQL behind {@link OutboxRepository}; claiming uses {@code FOR UPDATE SKIP LOCKED}. */
@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public void add(OutboxMessage message) {
    em.persist(message);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<OutboxMessage> claimDue(Instant now, int limit) {
    return em.createNativeQuery(
            "select * from notification_outbox where sent_at is null and next_attempt_at <= ?1"
                + " order by next_attempt_at limit ?2 for update skip locked",
            OutboxMessage.class)
        .setParameter(1, now)
        .setParameter(2, limit)
        .getResultList();
  }

  @Override
  public OutboxMessage find(UUID id) {
    return em.find(OutboxMessage.class, id);
  }

  @Override
  public List<OutboxMessage> givenUp(UUID municipalityId, int limit) {
    return em.createQuery(
            "select m from OutboxMessage m where m.municipalityId = :m and m.sentAt is null"
                + " and m.nextAttemptAt is null order by m.createdAt desc",
            OutboxMessage.class)
        .setParameter("m", municipalityId)
        .setMaxResults(limit)
        .getResultList();
  }
}
