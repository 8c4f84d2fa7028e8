package eu.rathaus.payments.infrastructure;

import eu.rathaus.payments.domain.PaymentEvent;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentRefund;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link PaymentRepository}. */
@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public Optional<PaymentRequest> find(UUID id) {
    return Optional.ofNullable(em.find(PaymentRequest.class, id));
  }

  @Override
  public Optional<PaymentRequest> lock(UUID id) {
    return Optional.ofNullable(em.find(PaymentRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<PaymentRequest> forApplication(UUID applicationId) {
    return em.createQuery(
            "select p from PaymentRequest p where p.applicationId = :a", PaymentRequest.class)
        .setParameter("a", applicationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<PaymentRequest> byReference(PaymentReference reference) {
    return em.createQuery(
            "select p from PaymentRequest p where p.paymentReference = :r", PaymentRequest.class)
        .setParameter("r", reference.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<PaymentRequest> byProviderPayment(String provider, String providerPaymentId) {
    return em.createQuery(
            "select p from PaymentRequest p where p.provider = :p and p.providerPaymentId = :id",
            PaymentRequest.class)
        .setParameter("p", provider)
        .setParameter("id", providerPaymentId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(PaymentRequest request) {
    em.persist(request);
  }

  @Override
  public void addEvent(PaymentEvent event) {
    em.persist(event);
  }

  @Override
  public boolean hasEvent(UUID paymentId, String source, String externalId) {
    return !em.createQuery(
            "select e.id from PaymentEvent e where e.paymentId = :p and e.source = :s and e.externalId = :x",
            UUID.class)
        .setParameter("p", paymentId)
        .setParameter("s", source)
        .setParameter("x", externalId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<PaymentEvent> events(UUID paymentId) {
    return em.createQuery(
            "select e from PaymentEvent e where e.paymentId = :p order by e.occurredAt, e.id",
            PaymentEvent.class)
        .setParameter("p", paymentId)
        .getResultList();
  }

  @Override
  public void addRefund(PaymentRefund refund) {
    em.persist(refund);
  }

  @Override
  public List<PaymentRefund> refunds(UUID paymentId) {
    return em.createQuery(
            "select r from PaymentRefund r where r.paymentId = :p order by r.requestedAt",
            PaymentRefund.class)
        .setParameter("p", paymentId)
        .getResultList();
  }

  @Override
  public List<PaymentRequest> forApplications(Collection<UUID> applicationIds) {
    return em.createQuery(
            "select p from PaymentRequest p where p.applicationId in :a", PaymentRequest.class)
        .setParameter("a", applicationIds)
        .getResultList();
  }

  @Override
  public boolean decideBeforePayment(UUID applicationId) {
    return em
        .createNativeQuery(
            "select coalesce((v.form->>'decideBeforePayment')::boolean, false) from case_application a"
                + " join service_version v on v.id = a.version_id where a.id = ?1",
            Boolean.class)
        .setParameter(1, applicationId)
        .getResultList()
        .stream()
        .anyMatch(Boolean.TRUE::equals);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<PaymentRequest> claimPendingHosted(Instant before, int limit) {
    return em.createNativeQuery(
            "select * from payment_request where state = 'PENDING' and method = 'HOSTED_PAGE'"
                + " and provider_payment_id is not null and updated_at <= ?1 order by updated_at limit ?2"
                + " for update skip locked",
            PaymentRequest.class)
        .setParameter(1, before)
        .setParameter(2, limit)
        .getResultList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<PaymentRequest> claimOverdue(LocalDate today, int limit) {
    return em.createNativeQuery(
            "select * from payment_request where state in ('OPEN', 'PENDING', 'FAILED') and due_date < ?1"
                + " order by due_date limit ?2 for update skip locked",
            PaymentRequest.class)
        .setParameter(1, today)
        .setParameter(2, limit)
        .getResultList();
  }
}
