package eu.rathaus.applications.infrastructure;

import eu.rathaus.applications.domain.ApplicationDraft;
import eu.rathaus.applications.domain.ApplicationRepository;
import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.applications.domain.ReferenceNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link ApplicationRepository}; every query carries the applicant. */
@ApplicationScoped
public class JpaApplicationRepository implements ApplicationRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public Optional<ApplicationDraft> findDraft(String applicantSubject, UUID draftId) {
    return em.createQuery(
            "select d from ApplicationDraft d where d.id = :id and d.applicantSubject = :s",
            ApplicationDraft.class)
        .setParameter("id", draftId)
        .setParameter("s", applicantSubject)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ApplicationDraft> lockDraft(String applicantSubject, UUID draftId) {
    return em.createQuery(
            "select d from ApplicationDraft d where d.id = :id and d.applicantSubject = :s",
            ApplicationDraft.class)
        .setParameter("id", draftId)
        .setParameter("s", applicantSubject)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ApplicationDraft> draftsOf(String applicantSubject, int limit) {
    return em.createQuery(
            "select d from ApplicationDraft d where d.applicantSubject = :s order by d.updatedAt desc",
            ApplicationDraft.class)
        .setParameter("s", applicantSubject)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void addDraft(ApplicationDraft draft) {
    em.persist(draft);
  }

  @Override
  public void removeDraft(ApplicationDraft draft) {
    em.remove(draft);
  }

  @Override
  public Optional<CaseApplication> findByIdempotencyKey(
      String applicantSubject, String idempotencyKey) {
    return em.createQuery(
            "select a from CaseApplication a where a.applicantSubject = :s and a.idempotencyKey = :k",
            CaseApplication.class)
        .setParameter("s", applicantSubject)
        .setParameter("k", idempotencyKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<CaseApplication> findByReference(
      String applicantSubject, ReferenceNumber reference) {
    return em.createQuery(
            "select a from CaseApplication a where a.applicantSubject = :s and a.referenceNumber = :r",
            CaseApplication.class)
        .setParameter("s", applicantSubject)
        .setParameter("r", reference.format())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<CaseApplication> applicationsOf(String applicantSubject, int limit) {
    return em.createQuery(
            "select a from CaseApplication a where a.applicantSubject = :s order by a.submittedAt desc",
            CaseApplication.class)
        .setParameter("s", applicantSubject)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(CaseApplication application) {
    em.persist(application);
  }

  @Override
  public Optional<String> referenceCode(UUID municipalityId) {
    return em.createNativeQuery(
            "select reference_code from municipality where id = ?1", String.class)
        .setParameter(1, municipalityId)
        .getResultStream()
        .map(String.class::cast)
        .filter(code -> code != null)
        .findFirst();
  }

  @Override
  public void flush() {
    em.flush();
  }
}
