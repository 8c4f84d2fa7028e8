package eu.rathaus.retention.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.privacy.application.PrivacyRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * An Art. 17 request (a case of the service {@link PrivacyRequests#SERVICE_KEY} asking for
 * "erasure") approved by the municipality runs through the erasure engine: the person's drafts and
 * every case the law lets go are erased; decided cases within their period, booked payments and
 * cases under a legal hold are kept, each with its reason. The request case itself stays, as the
 * record that the request was answered (it follows its own retention).
 */
@ApplicationScoped
public class ErasureRequests {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject ErasureEngine engine;
  @Inject AuditLog audit;
  @Inject ErasureRequests self;

  Clock clock = Clock.systemUTC();

  /** The request's subject, if the case is an erasure request of the caller's municipality. */
  @Transactional
  @TenantScoped
  public boolean isErasureRequest(UUID caseId) {
    // Staff without the data protection role do not see the request's case at all (V65).
    return caller.get().staffWithRole(TenantScope.DATA_PROTECTION) && requester(caseId) != null;
  }

  /**
   * Executes the approved request: what was erased and what is kept, with reasons (for the answer
   * to the citizen).
   *
   * @throws NoSuchElementException if the case is no erasure request of the caller's municipality
   * @throws SecurityException if the caller is not staff holding the data protection role
   */
  @Transactional(Transactional.TxType.NEVER)
  public List<PlannedErasure> execute(UUID requestCaseId) {
    if (!caller.get().staffWithRole(TenantScope.DATA_PROTECTION)) {
      throw new SecurityException(
          "Only the municipality's data protection role executes an erasure request");
    }
    UUID municipality = municipality();
    String subject = self.requesterInTransaction(requestCaseId);
    List<PlannedErasure> outcome =
        engine.request(
            municipality,
            subject,
            requestCaseId,
            LocalDate.now(clock.withZone(RetentionAdmin.ZONE)));
    long erased = outcome.stream().filter(PlannedErasure::isErase).count();
    self.recordExecution(requestCaseId, municipality, erased, outcome.size() - erased);
    return outcome;
  }

  /** The requester's subject, in the caller's scope (called through the proxy by execute). */
  @Transactional
  @TenantScoped
  public String requesterInTransaction(UUID caseId) {
    String subject = requester(caseId);
    if (subject == null) {
      throw new NoSuchElementException("No erasure request " + caseId);
    }
    return subject;
  }

  /** Audits the executed request in the caller's scope (called through the proxy by execute). */
  @Transactional
  @TenantScoped
  public void recordExecution(UUID caseId, UUID municipality, long erased, long kept) {
    audit.record(
        new AuditEvent(
            caller.get().subject(),
            "privacy.erasure.executed",
            "case_record",
            caseId.toString(),
            municipality,
            "erased=" + erased + " kept=" + kept));
  }

  private String requester(UUID caseId) {
    List<?> rows =
        em.createNativeQuery(
                "select c.applicant_subject from case_record c"
                    + " join case_application a on a.id = c.application_id"
                    + " join service_definition d on d.id = c.definition_id"
                    + " where c.id = ?1 and c.municipality_id = ?2 and d.service_key = ?3"
                    + " and a.answers ->> 'right' = 'erasure' and c.erased_at is null")
            .setParameter(1, caseId)
            .setParameter(2, municipality())
            .setParameter(3, PrivacyRequests.SERVICE_KEY)
            .getResultList();
    return rows.isEmpty() ? null : (String) rows.get(0);
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Only the municipality's staff execute an erasure request");
    }
    return scope.municipalityId();
  }
}
