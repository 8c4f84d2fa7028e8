package eu.rathaus.messaging.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stored threads and messages; every query is further limited by row-level security. */
public interface MailboxRepository {

  void add(MailboxThread thread);

  void add(MailboxMessage message);

  Optional<MailboxThread> thread(UUID id);

  Optional<MailboxThread> threadOfCase(UUID caseId);

  /** The citizen's threads, latest activity first. */
  List<MailboxThread> threadsOfCitizen(String subject, int limit);

  /** The municipality's general (not case) threads, latest activity first. */
  List<MailboxThread> generalThreads(UUID municipalityId, int limit);

  List<MailboxMessage> messages(UUID threadId);

  /** Per thread, how many messages of {@code author} are still unread by the other side. */
  Map<UUID, Long> unreadBy(List<UUID> threadIds, AuthorKind author);

  /**
   * How many messages of {@code author} in the threads of citizen {@code subject} are still unread
   * by the citizen: one count, for the header of every page.
   */
  long unreadOfCitizen(String subject, AuthorKind author);

  /** The case's municipality, applicant and reference number, if the caller may see the case. */
  Optional<CaseFacts> caseFacts(UUID caseId);

  /**
   * The address the citizen's latest notice in this municipality went to (the submission
   * confirmation).
   */
  Optional<String> lastKnownAddress(UUID municipalityId, String citizenSubject);

  void flush();

  /** What the mailbox needs to know of a case. */
  /**
   * @param notificationEmail the address given with the application, null for older ones
   * @param language "de" or "en", the portal language the application was submitted in; mails about
   *     the case are written in it
   */
  record CaseFacts(
      UUID caseId,
      UUID municipalityId,
      String applicantSubject,
      String referenceNumber,
      String notificationEmail,
      String language) {}
}
