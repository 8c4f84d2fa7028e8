package eu.rathaus.payments.infrastructure;

import eu.rathaus.payments.domain.Clarification;
import eu.rathaus.payments.domain.ImportedStatement;
import eu.rathaus.payments.domain.MatchOutcome;
import eu.rathaus.payments.domain.StatementEntry;
import eu.rathaus.payments.domain.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link StatementRepository}. */
@ApplicationScoped
public class JpaStatementRepository implements StatementRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public boolean existsIdentity(UUID municipalityId, String accountIban, String statementId) {
    return !em.createQuery(
            "select s.id from ImportedStatement s where s.municipalityId = :m and s.accountIban = :a"
                + " and s.statementId = :s",
            UUID.class)
        .setParameter("m", municipalityId)
        .setParameter("a", accountIban)
        .setParameter("s", statementId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public boolean existsFile(UUID municipalityId, String sha256) {
    return !em.createQuery(
            "select s.id from ImportedStatement s where s.municipalityId = :m and s.fileSha256 = :h",
            UUID.class)
        .setParameter("m", municipalityId)
        .setParameter("h", sha256)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void add(ImportedStatement statement) {
    em.persist(statement);
  }

  @Override
  public void addEntry(StatementEntry entry) {
    em.persist(entry);
  }

  @Override
  public void addClarification(Clarification clarification) {
    em.persist(clarification);
  }

  @Override
  public List<ImportedStatement> recent(UUID municipalityId, int limit) {
    return em.createQuery(
            "select s from ImportedStatement s where s.municipalityId = :m order by s.importedAt desc",
            ImportedStatement.class)
        .setParameter("m", municipalityId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<StatementEntry> entries(UUID municipalityId, UUID statementId) {
    return em.createQuery(
            "select e from StatementEntry e where e.municipalityId = :m and e.statementId = :s order by e.lineNo",
            StatementEntry.class)
        .setParameter("m", municipalityId)
        .setParameter("s", statementId)
        .getResultList();
  }

  @Override
  public List<Clarification> clarifications(UUID municipalityId, boolean openOnly) {
    var query =
        em.createQuery(
                "select c from Clarification c where c.municipalityId = :m"
                    + (openOnly ? " and c.status = :open" : "")
                    + " order by c.createdAt desc, c.id",
                Clarification.class)
            .setParameter("m", municipalityId)
            .setMaxResults(500);
    if (openOnly) {
      query.setParameter("open", Clarification.Status.OPEN);
    }
    return query.getResultList();
  }

  @Override
  public Optional<Clarification> clarification(UUID municipalityId, UUID id) {
    return Optional.ofNullable(em.find(Clarification.class, id))
        .filter(c -> c.municipalityId().equals(municipalityId));
  }

  @Override
  public Optional<StatementEntry> entry(UUID municipalityId, UUID id) {
    return em.createQuery(
            "select e from StatementEntry e where e.municipalityId = :m and e.id = :id",
            StatementEntry.class)
        .setParameter("m", municipalityId)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<StatementEntry> payingEntry(UUID municipalityId, UUID paymentId) {
    return em.createQuery(
            "select e from StatementEntry e where e.municipalityId = :m and e.paymentId = :p"
                + " and e.outcome = :matched",
            StatementEntry.class)
        .setParameter("m", municipalityId)
        .setParameter("p", paymentId)
        .setParameter("matched", MatchOutcome.MATCHED)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
