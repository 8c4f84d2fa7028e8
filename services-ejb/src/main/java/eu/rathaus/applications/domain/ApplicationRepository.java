package eu.rathaus.applications.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored drafts, applications and case records. Every lookup names the applicant: the service layer
 * scopes each query to the signed-in citizen, and row-level security checks the same again.
 */
public interface ApplicationRepository {

  Optional<ApplicationDraft> findDraft(String applicantSubject, UUID draftId);

  /**
   * The draft, locked until the transaction ends: two submissions of one draft run one after the
   * other.
   */
  Optional<ApplicationDraft> lockDraft(String applicantSubject, UUID draftId);

  List<ApplicationDraft> draftsOf(String applicantSubject, int limit);

  void addDraft(ApplicationDraft draft);

  void removeDraft(ApplicationDraft draft);

  Optional<CaseApplication> findByIdempotencyKey(String applicantSubject, String idempotencyKey);

  Optional<CaseApplication> findByReference(String applicantSubject, ReferenceNumber reference);

  List<CaseApplication> applicationsOf(String applicantSubject, int limit);

  void add(CaseApplication application);

  /** The municipality's three letters for reference numbers (V3), empty while none is set. */
  Optional<String> referenceCode(UUID municipalityId);

  /**
   * Pushes pending writes to the database now, so a violated constraint fails inside the use case.
   */
  void flush();
}
