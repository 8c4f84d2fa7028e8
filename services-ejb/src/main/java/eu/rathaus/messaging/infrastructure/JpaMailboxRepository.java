package eu.rathaus.messaging.infrastructure;

import eu.rathaus.messaging.domain.AuthorKind;
import eu.rathaus.messaging.domain.MailboxMessage;
import eu.rathaus.messaging.domain.MailboxRepository;
import eu.rathaus.messaging.domain.MailboxThread;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** JPA behind {@link MailboxRepository}; unread counts in one grouped query, not one per thread. */
@ApplicationScoped
public class JpaMailboxRepository implements MailboxRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public void add(MailboxThread thread) {
    em.persist(thread);
  }

  @Override
  public void add(MailboxMessage message) {
    em.persist(message);
  }

  @Override
  public Optional<MailboxThread> thread(UUID id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(MailboxThread.class, id));
  }

  @Override
  public Optional<MailboxThread> threadOfCase(UUID caseId) {
    return em.createQuery("select t from MailboxThread t where t.caseId = :c", MailboxThread.class)
        .setParameter("c", caseId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<MailboxThread> threadsOfCitizen(String subject, int limit) {
    return em.createQuery(
            "select t from MailboxThread t where t.citizenSubject = :s order by t.lastMessageAt desc",
            MailboxThread.class)
        .setParameter("s", subject)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<MailboxThread> generalThreads(UUID municipalityId, int limit) {
    return em.createQuery(
            "select t from MailboxThread t where t.municipalityId = :m and t.caseId is null"
                + " order by t.lastMessageAt desc",
            MailboxThread.class)
        .setParameter("m", municipalityId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<MailboxMessage> messages(UUID threadId) {
    return em.createQuery(
            "select m from MailboxMessage m where m.threadId = :t order by m.createdAt, m.id",
            MailboxMessage.class)
        .setParameter("t", threadId)
        .getResultList();
  }

  @Override
  public Map<UUID, Long> unreadBy(List<UUID> threadIds, AuthorKind author) {
    Map<UUID, Long> counts = new HashMap<>();
    if (threadIds.isEmpty()) {
      return counts;
    }
    em.createQuery(
            "select m.threadId, count(m) from MailboxMessage m where m.threadId in :ids"
                + " and m.authorKind = :a and m.readAt is null group by m.threadId",
            Object[].class)
        .setParameter("ids", threadIds)
        .setParameter("a", author)
        .getResultStream()
        .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
    return counts;
  }

  @Override
  public long unreadOfCitizen(String subject, AuthorKind author) {
    return em.createQuery(
            "select count(m) from MailboxMessage m where m.authorKind = :a and m.readAt is null"
                + " and m.threadId in (select t.id from MailboxThread t where t.citizenSubject = :s)",
            Long.class)
        .setParameter("a", author)
        .setParameter("s", subject)
        .getSingleResult();
  }

  @Override
  public Optional<CaseFacts> caseFacts(UUID caseId) {
    if (caseId == null) {
      return Optional.empty();
    }
    List<?> rows =
        em.createNativeQuery(
                "select c.id, c.municipality_id, c.applicant_subject, a.reference_number,"
                    + " a.notification_email, a.language"
                    + " from case_record c join case_application a on a.id = c.application_id where c.id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new CaseFacts(
            (UUID) row[0],
            (UUID) row[1],
            (String) row[2],
            (String) row[3],
            (String) row[4],
            (String) row[5]));
  }

  @Override
  public Optional<String> lastKnownAddress(UUID municipalityId, String citizenSubject) {
    List<?> rows =
        em.createNativeQuery(
                "select recipient_email from notification_outbox where municipality_id = ?1"
                    + " and recipient_subject = ?2 order by created_at desc limit 1")
            .setParameter(1, municipalityId)
            .setParameter(2, citizenSubject)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.get(0));
  }

  @Override
  public void flush() {
    em.flush();
  }
}
