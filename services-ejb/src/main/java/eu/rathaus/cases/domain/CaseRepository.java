package eu.rathaus.cases.domain;

import eu.rathaus.applications.domain.CaseApplication;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cases as the back office reads and changes them. Every staff lookup names the municipality: the
 * service layer scopes each query to the caller's municipality, and row-level security (V9) checks
 * the same again, so a foreign case id behaves exactly like an unknown one.
 */
public interface CaseRepository {

  Optional<CaseRecord> find(UUID municipalityId, UUID caseId);

  /** The case of an application, whoever asks (row-level security decides who sees it). */
  Optional<CaseRecord> ofApplication(UUID applicationId);

  /** Opens the case of a just-submitted application. */
  void add(CaseRecord caseRecord);

  /** The submitted application behind a case of the municipality. */
  Optional<CaseApplication> application(UUID municipalityId, UUID applicationId);

  /** The case, locked until the transaction ends: two clerks acting at once queue up. */
  Optional<CaseRecord> lock(UUID municipalityId, UUID caseId);

  /** The applicant's own case, locked (citizen actions: reply, withdrawal). */
  Optional<CaseRecord> lockOwn(String applicantSubject, UUID caseId);

  void addEvent(CaseEvent event);

  /**
   * Pushes pending changes now (the new version number, constraint violations inside the use case).
   */
  void flush();

  void addNote(CaseNote note);

  List<CaseEvent> events(UUID caseId, boolean citizenVisibleOnly);

  List<CaseNote> notes(UUID caseId);

  Optional<StaffMember> staffMember(UUID municipalityId, String subject);

  void addStaffMember(StaffMember member);

  List<StaffMember> staff(UUID municipalityId);

  /**
   * One page of the inbox in the order and direction the query says, at most {@code limit} rows.
   */
  List<InboxEntry> inbox(UUID municipalityId, InboxFilter filter, LocalDate today, int limit);

  /** How many of the municipality's cases stand in each status. */
  Map<CaseStatus, Long> countByStatus(UUID municipalityId);

  long countAssignedTo(UUID municipalityId, String subject);

  long countUnassignedOpen(UUID municipalityId);

  /** A row of the inbox, read in one query with the service's title. */
  record InboxEntry(
      UUID caseId,
      String reference,
      String applicantName,
      String serviceTitleDe,
      String serviceTitleEn,
      CaseStatus status,
      Instant submittedAt,
      LocalDate dueDate,
      String assigneeSubject,
      String assigneeName) {}

  /**
   * The inbox query as the repository runs it. {@code afterKey}/{@code beforeKey} are the sort
   * value and id of the row the page starts after (next page) or ends before (previous page).
   */
  record InboxFilter(
      UUID serviceId,
      CaseStatus status,
      String assigneeSubject,
      boolean unassigned,
      boolean overdue,
      Instant submittedFrom,
      Instant submittedUntil,
      String search,
      InboxSort sort,
      Object keyValue,
      UUID keyId,
      boolean backwards) {}

  /** The inbox's orders: due date first (oldest deadline on top) or newest submission first. */
  enum InboxSort {
    DUE,
    SUBMITTED
  }
}
