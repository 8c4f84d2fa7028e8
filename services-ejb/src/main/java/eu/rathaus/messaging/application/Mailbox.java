package eu.rathaus.messaging.application;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.domain.AuthorKind;
import eu.rathaus.messaging.domain.MailboxMessage;
import eu.rathaus.messaging.domain.MailboxRepository;
import eu.rathaus.messaging.domain.MailboxThread;
import eu.rathaus.messaging.domain.MessageText;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The secure mailbox between a citizen and the authority: threads per case and general ones,
 * messages with files, unread markers and read receipts, and the e-mail notice that a new message
 * waits (which carries no content, only a link).
 *
 * <p>Who may see what is decided twice, as everywhere: every query is limited by the caller's
 * {@link CallerScope} (a citizen their own threads, staff their municipality's) and row-level
 * security (V10) checks the same again. A thread or case id the caller may not see behaves exactly
 * like an unknown one.
 *
 * <p>A message is stored with all its files or not at all: every file runs through the attachment
 * pipeline (type from the bytes, malware scan, encryption per municipality) before anything is
 * written. The scan runs inside the transaction here, a deliberate trade: a message has few small
 * files, and the atomicity is worth more than the connection held for a second.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class Mailbox {

  /** Template key of the "new message in your mailbox" notice (link only, no content). */
  public static final String MESSAGE_NOTICE = "mailbox.notice.message";

  /** Files per message and their limits: those of a typical application upload. */
  public static final AttachmentRules FILE_RULES =
      new AttachmentRules(
          5, 10L * 1024 * 1024, List.of("application/pdf", "image/jpeg", "image/png"));

  private static final Logger LOG = Logger.getLogger(Mailbox.class.getName());
  private static final int LIST_LIMIT = 200;

  @Inject MailboxRepository repository;
  @Inject MunicipalityRepository municipalities;
  @Inject AttachmentService attachments;
  @Inject Outbox outbox;
  @Inject AuditLog audit;
  @Inject CallerScope caller;
  @Inject MailboxIdentity identity;
  @Inject Event<ApplicantReplied> replied;
  @Inject Event<CitizenWrote> citizenWrote;

  Clock clock = Clock.systemUTC();

  // ---------------------------------------------------------------- staff

  /**
   * The contract for the case page's "request information" (and for delivering notices): writes to
   * the applicant in the case's thread (created on the first message) in the caller's staff
   * transaction, and queues the notification.
   *
   * @throws MailboxRefusedException if the text or a file is refused or the case is not the
   *     caller's
   */
  public UUID postToApplicant(UUID caseId, String text, List<OutgoingFile> files) {
    PostOutcome outcome = writeToCase(caseId, text, files);
    if (!outcome.isPosted()) {
      throw new MailboxRefusedException(outcome.problems());
    }
    return outcome.messageId();
  }

  /** Staff write in a case's thread (created on the first message). */
  public PostOutcome writeToCase(UUID caseId, String text, List<OutgoingFile> files) {
    TenantScope scope = requireStaff();
    Optional<MailboxRepository.CaseFacts> found =
        repository.caseFacts(caseId).filter(c -> c.municipalityId().equals(scope.municipalityId()));
    if (found.isEmpty()) {
      return PostOutcome.missing();
    }
    List<FieldProblem> problems = new ArrayList<>();
    MessageText.problem(text)
        .ifPresent(key -> problems.add(FieldProblem.of("text", key, MessageText.MAX_LENGTH)));
    List<AttachmentService.CheckedFile> checked =
        checkFiles(scope.municipalityId(), caseId, files, problems);
    if (!problems.isEmpty()) {
      return PostOutcome.refused(problems);
    }
    MailboxRepository.CaseFacts facts = found.get();
    MailboxThread thread =
        repository
            .threadOfCase(caseId)
            .orElseGet(
                () -> {
                  MailboxThread created =
                      new MailboxThread(
                          UUID.randomUUID(),
                          facts.municipalityId(),
                          caseId,
                          facts.applicantSubject(),
                          Optional.ofNullable(facts.notificationEmail())
                              .or(
                                  () ->
                                      repository.lastKnownAddress(
                                          facts.municipalityId(), facts.applicantSubject()))
                              .orElse(null),
                          facts.referenceNumber(),
                          clock.instant());
                  repository.add(created);
                  return created;
                });
    return store(thread, AuthorKind.STAFF, text, checked);
  }

  /** Staff write in one of their municipality's threads (typically a general one). */
  public PostOutcome writeToThread(UUID threadId, String text, List<OutgoingFile> files) {
    TenantScope scope = requireStaff();
    Optional<MailboxThread> thread = visibleThread(threadId);
    if (thread.isEmpty()) {
      return PostOutcome.missing();
    }
    List<FieldProblem> problems = new ArrayList<>();
    MessageText.problem(text)
        .ifPresent(key -> problems.add(FieldProblem.of("text", key, MessageText.MAX_LENGTH)));
    List<AttachmentService.CheckedFile> checked =
        checkFiles(scope.municipalityId(), threadId, files, problems);
    if (!problems.isEmpty()) {
      return PostOutcome.refused(problems);
    }
    return store(thread.get(), AuthorKind.STAFF, text, checked);
  }

  /**
   * The thread of a case for the case page: marks the citizen's messages read for the authority and
   * audits the read. Empty if the case is not the caller's; a detail without id if no message was
   * written yet.
   */
  public Optional<ThreadDetail> caseThread(UUID caseId) {
    TenantScope scope = requireStaff();
    Optional<MailboxRepository.CaseFacts> facts =
        repository.caseFacts(caseId).filter(c -> c.municipalityId().equals(scope.municipalityId()));
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    Optional<MailboxThread> thread = repository.threadOfCase(caseId);
    if (thread.isEmpty()) {
      return Optional.of(
          new ThreadDetail(
              null,
              caseId,
              facts.get().referenceNumber(),
              names(List.of(scope.municipalityId())).get(scope.municipalityId()),
              List.of()));
    }
    return Optional.of(read(thread.get(), AuthorKind.STAFF));
  }

  /**
   * The municipality's general threads (not case threads) with the citizens' unread messages
   * counted.
   */
  public List<ThreadSummary> generalThreads() {
    TenantScope scope = requireStaff();
    return summaries(
        repository.generalThreads(scope.municipalityId(), LIST_LIMIT), AuthorKind.CITIZEN);
  }

  // ---------------------------------------------------------------- citizen

  /**
   * The signed-in citizen's threads, latest first, with the authority's unread messages counted.
   */
  public List<ThreadSummary> myThreads() {
    String subject = requireCitizen();
    return summaries(repository.threadsOfCitizen(subject, LIST_LIMIT), AuthorKind.STAFF);
  }

  /**
   * How many of the authority's messages the signed-in citizen has not opened yet (the header of
   * every page asks: one count query, not the thread list).
   */
  public long myUnread() {
    return repository.unreadOfCitizen(requireCitizen(), AuthorKind.STAFF);
  }

  /** A citizen starts a general thread to a municipality. */
  public PostOutcome startThread(
      UUID municipalityId, String title, String text, List<OutgoingFile> files) {
    String subject = requireCitizen();
    List<FieldProblem> problems = new ArrayList<>();
    boolean known =
        municipalityId != null
            && municipalities
                .findById(municipalityId)
                .filter(m -> m.status() == MunicipalityStatus.ACTIVE)
                .isPresent();
    if (!known) {
      problems.add(FieldProblem.of("municipality", "mailbox.error.municipality"));
    }
    MessageText.titleProblem(title)
        .ifPresent(key -> problems.add(FieldProblem.of("title", key, 200)));
    MessageText.problem(text)
        .ifPresent(key -> problems.add(FieldProblem.of("text", key, MessageText.MAX_LENGTH)));
    List<AttachmentService.CheckedFile> checked =
        known ? checkFiles(municipalityId, null, files, problems) : List.of();
    if (!problems.isEmpty()) {
      return PostOutcome.refused(problems);
    }
    MailboxThread thread =
        new MailboxThread(
            UUID.randomUUID(),
            municipalityId,
            null,
            subject,
            identity.email(),
            title.strip(),
            clock.instant());
    repository.add(thread);
    return store(thread, AuthorKind.CITIZEN, text, checked);
  }

  /**
   * The citizen answers in one of their threads; in a case thread this fires {@link
   * ApplicantReplied} inside this transaction.
   */
  public PostOutcome reply(UUID threadId, String text, List<OutgoingFile> files) {
    requireCitizen();
    Optional<MailboxThread> thread = visibleThread(threadId);
    if (thread.isEmpty()) {
      return PostOutcome.missing();
    }
    List<FieldProblem> problems = new ArrayList<>();
    MessageText.problem(text)
        .ifPresent(key -> problems.add(FieldProblem.of("text", key, MessageText.MAX_LENGTH)));
    List<AttachmentService.CheckedFile> checked =
        checkFiles(thread.get().municipalityId(), threadId, files, problems);
    if (!problems.isEmpty()) {
      return PostOutcome.refused(problems);
    }
    followSignInAddress(thread.get());
    PostOutcome outcome = store(thread.get(), AuthorKind.CITIZEN, text, checked);
    if (thread.get().caseId() != null) {
      replied.fire(new ApplicantReplied(thread.get().caseId(), threadId, outcome.messageId()));
    }
    return outcome;
  }

  // ---------------------------------------------------------------- both sides

  /**
   * Opens a thread the caller may see. The other side's unread messages become read: a citizen's
   * first opening of a staff message is its read receipt (audited), and every staff read is audited
   * (who looked at whose correspondence).
   */
  public Optional<ThreadDetail> open(UUID threadId) {
    AuthorKind reader = side();
    Optional<MailboxThread> thread = visibleThread(threadId);
    if (reader == AuthorKind.CITIZEN) {
      thread.ifPresent(this::followSignInAddress);
    }
    return thread.map(t -> read(t, reader));
  }

  /**
   * A general thread follows the address of the citizen's current sign-in. A case thread keeps the
   * address given with the application: the form told her that its news go there.
   */
  private void followSignInAddress(MailboxThread thread) {
    if (thread.caseId() == null) {
      thread.useAddress(identity.email());
    }
  }

  /** A file of a message in a thread the caller may see; empty otherwise. Downloads are audited. */
  public Optional<AttachmentDownload> download(UUID threadId, UUID messageId, UUID attachmentId) {
    side();
    Optional<MailboxThread> thread = visibleThread(threadId);
    if (thread.isEmpty() || messageId == null) {
      return Optional.empty();
    }
    boolean inThread =
        repository.messages(threadId).stream().anyMatch(m -> m.id().equals(messageId));
    return inThread ? attachments.downloadOfMessage(attachmentId, messageId) : Optional.empty();
  }

  // ---------------------------------------------------------------- internals

  private PostOutcome store(
      MailboxThread thread,
      AuthorKind author,
      String text,
      List<AttachmentService.CheckedFile> files) {
    Instant now = clock.instant();
    TenantScope scope = caller.get();
    MailboxMessage message =
        new MailboxMessage(
            UUID.randomUUID(), thread, author, scope.subject(), identity.displayName(), text, now);
    repository.add(message);
    thread.touched(now);
    repository.flush();
    for (AttachmentService.CheckedFile file : files) {
      if (!attachments.storeForMessage(file, message.id()).isStored()) {
        throw new MailboxRefusedException(
            List.of(FieldProblem.of("file", "attachment.error.storageUnavailable")));
      }
    }
    audit.record(
        new AuditEvent(
            scope.subject(),
            "mailbox.message.posted",
            "mailbox_thread",
            thread.id().toString(),
            thread.municipalityId(),
            "message="
                + message.id()
                + " author="
                + author
                + " length="
                + text.length()
                + " files="
                + files.size()
                + (thread.caseId() == null ? "" : " case=" + thread.caseId())));
    if (author == AuthorKind.STAFF) {
      notifyCitizen(thread);
    } else {
      citizenWrote.fire(
          new CitizenWrote(thread.municipalityId(), thread.id(), message.id(), thread.caseId()));
    }
    return PostOutcome.posted(thread.id(), message.id());
  }

  private void notifyCitizen(MailboxThread thread) {
    String address = thread.citizenEmail();
    if (address == null) {
      address =
          repository
              .lastKnownAddress(thread.municipalityId(), thread.citizenSubject())
              .orElse(null);
    }
    if (address == null) {
      LOG.log(
          Level.INFO,
          "No address known for the citizen of thread {0}; message waits in the mailbox only",
          thread.id());
      return;
    }
    outbox.queue(
        thread.municipalityId(),
        thread.citizenSubject(),
        address,
        MESSAGE_NOTICE,
        Map.of("thread", thread.id().toString()),
        // A case's mails follow the language its application was submitted in.
        repository
            .caseFacts(thread.caseId())
            .map(MailboxRepository.CaseFacts::language)
            .orElse("de"));
  }

  private ThreadDetail read(MailboxThread thread, AuthorKind reader) {
    Instant now = clock.instant();
    List<MailboxMessage> messages = repository.messages(thread.id());
    Map<UUID, List<AttachmentSummary>> files =
        attachments.ofMessages(messages.stream().map(MailboxMessage::id).toList());
    List<MessageItem> items = new ArrayList<>(messages.size());
    int receipts = 0;
    for (MailboxMessage m : messages) {
      boolean first = m.openedBy(reader, now);
      if (first) {
        receipts++;
      }
      items.add(
          new MessageItem(
              m.id(),
              m.authorKind(),
              m.authorName(),
              m.body(),
              m.createdAt(),
              m.readAt(),
              first,
              files.getOrDefault(m.id(), List.of())));
    }
    String actor = caller.get().subject();
    if (reader == AuthorKind.STAFF) {
      audit.record(
          new AuditEvent(
              actor,
              "mailbox.thread.read",
              "mailbox_thread",
              thread.id().toString(),
              thread.municipalityId(),
              "messages="
                  + messages.size()
                  + " newlyRead="
                  + receipts
                  + (thread.caseId() == null ? "" : " case=" + thread.caseId())));
    } else if (receipts > 0) {
      audit.record(
          new AuditEvent(
              actor,
              "mailbox.receipt",
              "mailbox_thread",
              thread.id().toString(),
              thread.municipalityId(),
              "newlyRead=" + receipts));
    }
    return new ThreadDetail(
        thread.id(),
        thread.caseId(),
        thread.title(),
        names(List.of(thread.municipalityId())).get(thread.municipalityId()),
        items);
  }

  private List<ThreadSummary> summaries(List<MailboxThread> threads, AuthorKind unreadAuthor) {
    List<UUID> ids = threads.stream().map(MailboxThread::id).toList();
    Map<UUID, Long> unread = repository.unreadBy(ids, unreadAuthor);
    Map<UUID, String> names =
        names(threads.stream().map(MailboxThread::municipalityId).distinct().toList());
    return threads.stream()
        .map(
            t ->
                new ThreadSummary(
                    t.id(),
                    t.caseId(),
                    t.title(),
                    names.get(t.municipalityId()),
                    t.lastMessageAt(),
                    unread.getOrDefault(t.id(), 0L)))
        .toList();
  }

  /** Names of the threads' municipalities (public data); a list holds a handful of them. */
  private Map<UUID, String> names(List<UUID> municipalityIds) {
    Map<UUID, String> names = new HashMap<>();
    for (UUID id : municipalityIds) {
      municipalities.findById(id).ifPresent(m -> names.put(id, m.name()));
    }
    return names;
  }

  /** Checks every file before anything is stored; refusals land in {@code problems}. */
  private List<AttachmentService.CheckedFile> checkFiles(
      UUID municipalityId, UUID contextId, List<OutgoingFile> files, List<FieldProblem> problems) {
    List<OutgoingFile> given = files == null ? List.of() : files;
    if (given.size() > FILE_RULES.maxCount()) {
      problems.add(FieldProblem.of("file", "mailbox.error.tooManyFiles", FILE_RULES.maxCount()));
      return List.of();
    }
    List<AttachmentService.CheckedFile> checked = new ArrayList<>();
    for (OutgoingFile file : given) {
      AttachmentService.Checked result =
          attachments.check(
              municipalityId,
              contextId,
              file.displayName(),
              new ByteArrayInputStream(file.content()),
              FILE_RULES);
      if (result.refused() != null) {
        FieldProblem p = result.refused().getProblem();
        List<Object> args = new ArrayList<>();
        args.add(file.displayName());
        args.addAll(p.arguments());
        problems.add(new FieldProblem("file", p.messageKey(), List.copyOf(args)));
      } else {
        checked.add(result.file());
      }
    }
    return checked;
  }

  /** The thread if the caller's scope covers it (service-layer check; RLS checks again). */
  private Optional<MailboxThread> visibleThread(UUID threadId) {
    TenantScope scope = caller.get();
    return repository
        .thread(threadId)
        .filter(
            t ->
                switch (scope.kind()) {
                  case CITIZEN -> t.citizenSubject().equals(scope.subject());
                  case STAFF -> t.municipalityId().equals(scope.municipalityId());
                  default -> false;
                });
  }

  private AuthorKind side() {
    return switch (caller.get().kind()) {
      case CITIZEN -> AuthorKind.CITIZEN;
      case STAFF -> AuthorKind.STAFF;
      default -> throw new IllegalStateException("The mailbox is for signed-in citizens and staff");
    };
  }

  private TenantScope requireStaff() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new IllegalStateException("Staff of a municipality write in its name");
    }
    return scope;
  }

  private String requireCitizen() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      throw new IllegalStateException("Only the signed-in citizen reads their mailbox");
    }
    return scope.subject();
  }
}
