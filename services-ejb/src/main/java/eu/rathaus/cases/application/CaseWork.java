package eu.rathaus.cases.application;

import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.cases.domain.CaseAction;
import eu.rathaus.cases.domain.CaseEvent;
import eu.rathaus.cases.domain.CaseLifecycle;
import eu.rathaus.cases.domain.CaseNote;
import eu.rathaus.cases.domain.CaseRecord;
import eu.rathaus.cases.domain.CaseRepository;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.cases.domain.StaffMember;
import eu.rathaus.catalogue.application.PublishedService;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.OutgoingFile;
import eu.rathaus.messaging.domain.MessageText;
import eu.rathaus.notices.application.DecisionNotices;
import eu.rathaus.notices.application.IssuedNotice;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.webhooks.application.WebhookEvents;
import eu.rathaus.webhooks.domain.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The work on one case: reading it (audited), claiming and reassigning, the lifecycle's transitions
 * ({@link CaseLifecycle} guards every one), internal notes, and the citizen's own two actions
 * (reply received, withdrawal).
 *
 * <p><b>Two clerks at once.</b> Every staff action carries the version the clerk saw. The case row
 * is locked first ({@code select … for update}), so simultaneous actions queue up; the second then
 * finds a newer version and is refused with the name of whoever changed it — an answer, never an
 * exception, and nothing of the first action is lost.
 *
 * <p>Every change writes a timeline event and an audit entry in the same transaction. Staff act
 * only on their own municipality's cases (from the tenant scope, checked again by row-level
 * security); a foreign case id is "not found", exactly like an unknown one.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CaseWork {

  private static final Logger LOG = Logger.getLogger(CaseWork.class.getName());

  /** Requests and reasons longer than this are not letters but accidents. */
  static final int MAX_TEXT = 10_000;

  @Inject CaseRepository cases;
  @Inject WebhookEvents webhooks;
  @Inject ServiceCatalogue catalogue;
  @Inject AttachmentService attachments;
  @Inject AuditLog audit;
  @Inject CallerScope caller;
  @Inject Mailbox mailbox;
  @Inject DecisionNotices notices;
  @Inject Payments payments;
  @Inject DataKeys dataKeys;

  Clock clock = Clock.systemUTC();

  /**
   * The case page's content; reading it is audited ({@code case.read}: who looked at whose data).
   */
  public Optional<CaseDetails> open(UUID caseId) {
    TenantScope scope = StaffScope.require(caller);
    if (caseId == null) {
      return Optional.empty();
    }
    Optional<CaseRecord> found = cases.find(scope.municipalityId(), caseId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CaseRecord c = found.get();
    CaseApplication application =
        cases.application(scope.municipalityId(), c.applicationId()).orElseThrow();
    Optional<PublishedService> service =
        catalogue.publishedVersion(c.municipalityId(), application.versionId());
    audit.record(
        new AuditEvent(
            scope.subject(),
            "case.read",
            "case_record",
            c.id().toString(),
            c.municipalityId(),
            c.referenceNumber()));
    Instant now = clock.instant();
    List<CaseDetails.TimelineEntry> timeline =
        cases.events(c.id(), false).stream()
            .map(
                e ->
                    new CaseDetails.TimelineEntry(
                        e.occurredAt(),
                        e.actorName(),
                        e.kind(),
                        e.fromStatus(),
                        e.toStatus(),
                        e.detail(),
                        e.citizenVisible()))
            .toList();
    List<CaseDetails.Note> notes =
        cases.notes(c.id()).stream()
            .map(n -> new CaseDetails.Note(n.writtenAt(), n.authorName(), n.text()))
            .toList();
    List<AttachmentSummary> files = attachments.ofApplication(application.id());
    return Optional.of(
        new CaseDetails(
            c.id(),
            c.version(),
            c.referenceNumber(),
            service.map(PublishedService::title).orElse(new LocalizedText("–", "–")),
            c.applicantName(),
            c.submittedAt(),
            c.status(),
            c.expectedDecision(now),
            c.isOverdue(now),
            c.assigneeSubject(),
            c.assigneeName(),
            c.decidedAt(),
            c.decisionReasons(),
            service.map(PublishedService::form).orElse(null),
            application.answersJson(),
            files,
            timeline,
            notes,
            CaseLifecycle.available(c.status(), CaseAction.Actor.STAFF),
            application.id()));
  }

  /**
   * Takes the case: it is assigned to the caller, and a case still "submitted" goes into review. An
   * open case of a colleague can be taken over the same way.
   */
  public CaseOutcome claim(UUID caseId, long expectedVersion) {
    TenantScope scope = StaffScope.require(caller);
    Optional<CaseRecord> locked = cases.lock(scope.municipalityId(), caseId);
    Optional<CaseOutcome> refusal = check(locked, expectedVersion);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    CaseRecord c = locked.get();
    if (c.status().isDecidedOrEnded()) {
      return CaseOutcome.refused("case.refused.already-decided");
    }
    if (scope.subject().equals(c.assigneeSubject()) && c.status() != CaseStatus.SUBMITTED) {
      return CaseOutcome.refused(CaseOutcome.ALREADY_YOURS);
    }
    String me = nameOf(scope);
    Instant now = clock.instant();
    CaseStatus from = c.status();
    c.assignTo(scope.subject(), me, now, me);
    if (from == CaseStatus.SUBMITTED) {
      c.apply(CaseAction.CLAIM, now, me);
    }
    long version = flushedVersion(c);
    // One entry per claim: taking a submitted case is the claim (by its actor, who is now the
    // assignee); taking over a colleague's open case is an assignment to the caller.
    if (from == CaseStatus.SUBMITTED) {
      record(scope, c, CaseEvent.Kind.CLAIM, from, c.status(), null, true, "case.claimed");
    } else {
      record(scope, c, CaseEvent.Kind.ASSIGN, null, null, me, false, "case.assigned");
    }
    return CaseOutcome.done(version);
  }

  /**
   * Assigns the open case to a colleague of the same municipality (one from {@link
   * CaseInbox#colleagues()}).
   */
  public CaseOutcome reassign(UUID caseId, long expectedVersion, String colleagueSubject) {
    TenantScope scope = StaffScope.require(caller);
    Optional<CaseRecord> locked = cases.lock(scope.municipalityId(), caseId);
    Optional<CaseOutcome> refusal = check(locked, expectedVersion);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    CaseRecord c = locked.get();
    if (c.status().isDecidedOrEnded()) {
      return CaseOutcome.refused("case.refused.already-decided");
    }
    Optional<StaffMember> colleague =
        colleagueSubject == null
            ? Optional.empty()
            : cases.staffMember(scope.municipalityId(), colleagueSubject);
    if (colleague.isEmpty()) {
      return CaseOutcome.refused(CaseOutcome.UNKNOWN_COLLEAGUE);
    }
    String me = nameOf(scope);
    c.assignTo(colleague.get().subject(), colleague.get().displayName(), clock.instant(), me);
    long version = flushedVersion(c);
    record(
        scope,
        c,
        CaseEvent.Kind.ASSIGN,
        null,
        null,
        colleague.get().displayName(),
        false,
        "case.reassigned");
    return CaseOutcome.done(version);
  }

  /**
   * Starts the review of a submitted case (e.g. one assigned by a colleague); unassigned cases
   * become the caller's.
   */
  public CaseOutcome startReview(UUID caseId, long expectedVersion) {
    return staffTransition(
        caseId,
        expectedVersion,
        CaseAction.CLAIM,
        CaseEvent.Kind.START_REVIEW,
        null,
        "case.review-started");
  }

  /**
   * Asks the applicant for information: the case waits for the citizen, its clock pauses, and the
   * request goes to the applicant's mailbox (with the e-mail notice) in the same transaction — the
   * case never waits for a question the citizen cannot read.
   */
  public CaseOutcome requestInformation(UUID caseId, long expectedVersion, String text) {
    if (text == null || text.isBlank()) {
      return CaseOutcome.refused(CaseOutcome.TEXT_REQUIRED);
    }
    Optional<String> problem = MessageText.problem(text);
    if (problem.isPresent()) {
      return CaseOutcome.refused(problem.get(), Integer.toString(MessageText.MAX_LENGTH));
    }
    CaseOutcome outcome =
        staffTransition(
            caseId,
            expectedVersion,
            CaseAction.REQUEST_INFORMATION,
            CaseEvent.Kind.REQUEST_INFORMATION,
            bounded(text),
            "case.information-requested");
    if (outcome.isDone()) {
      mailbox.postToApplicant(caseId, text.strip(), List.of());
    }
    return outcome;
  }

  /**
   * Approves or rejects the case with the reasons the notice quotes. An approval waits for the fee
   * unless it is paid, there is none, or the service allows deciding before payment. A successful
   * decision issues the PDF notice (Bescheid) and delivers it to the applicant's mailbox, all in
   * this transaction: a case is never decided without its notice.
   */
  public CaseOutcome decide(UUID caseId, long expectedVersion, boolean approve, String reasons) {
    if (reasons == null || reasons.isBlank()) {
      return CaseOutcome.refused("case.refused.reasons-required");
    }
    if (reasons.strip().length() > DecisionNotices.MAX_REASONS) {
      return CaseOutcome.refused(
          "case.refused.reasons-too-long", Integer.toString(DecisionNotices.MAX_REASONS));
    }
    TenantScope scope = StaffScope.require(caller);
    Optional<CaseRecord> found =
        caseId == null ? Optional.empty() : cases.find(scope.municipalityId(), caseId);
    if (found.isEmpty()) {
      return CaseOutcome.refused(CaseOutcome.NOT_FOUND);
    }
    boolean approvalPossibleNow =
        approve
            && CaseLifecycle.decide(
                    found.get().status(), CaseAction.APPROVE, CaseAction.Actor.STAFF)
                .allowed();
    if (approvalPossibleNow && !payments.decisionAllowed(found.get().applicationId())) {
      return CaseOutcome.refused("case.refused.fee-unpaid");
    }
    // The notice and its mailbox copy are sealed with the municipality's data key. Made now if it
    // does not exist yet: its creation appends to the audit chain in a transaction of its own,
    // which
    // must happen before this transaction holds the chain's head.
    dataKeys.ensure(scope.municipalityId());
    String text = bounded(reasons);
    CaseOutcome outcome =
        staffTransition(
            caseId,
            expectedVersion,
            approve ? CaseAction.APPROVE : CaseAction.REJECT,
            approve ? CaseEvent.Kind.APPROVE : CaseEvent.Kind.REJECT,
            text,
            approve ? "case.approved" : "case.rejected");
    if (outcome.isDone()) {
      IssuedNotice notice = notices.issue(caseId, approve, text);
      mailbox.postToApplicant(
          caseId,
          NoticeMessage.text(found.get().referenceNumber(), approve, notice.language()),
          List.of(new OutgoingFile(notice.fileName(), "application/pdf", notice.pdf())));
    }
    return outcome;
  }

  /** Closes a decided case (e.g. once the notice is delivered and any fee settled). */
  public CaseOutcome close(UUID caseId, long expectedVersion) {
    return staffTransition(
        caseId, expectedVersion, CaseAction.CLOSE, CaseEvent.Kind.CLOSE, null, "case.closed");
  }

  /**
   * Adds an internal note (never shown to the citizen). Notes never conflict, so they need no
   * version.
   */
  public CaseOutcome addNote(UUID caseId, String text) {
    TenantScope scope = StaffScope.require(caller);
    if (text == null || text.isBlank()) {
      return CaseOutcome.refused(CaseOutcome.TEXT_REQUIRED);
    }
    if (text.strip().length() > CaseNote.MAX_LENGTH) {
      return CaseOutcome.refused(
          "case.refused.note-too-long", Integer.toString(CaseNote.MAX_LENGTH));
    }
    Optional<CaseRecord> found = cases.find(scope.municipalityId(), caseId);
    if (found.isEmpty()) {
      return CaseOutcome.refused(CaseOutcome.NOT_FOUND);
    }
    CaseNote note =
        new CaseNote(
            caseId,
            scope.municipalityId(),
            clock.instant(),
            scope.subject(),
            nameOf(scope),
            text.strip());
    cases.addNote(note);
    audit.record(
        new AuditEvent(
            scope.subject(),
            "case.note-added",
            "case_record",
            caseId.toString(),
            scope.municipalityId(),
            found.get().referenceNumber()));
    return CaseOutcome.done(found.get().version());
  }

  /**
   * An attachment of the case's application, decrypted; the download is audited by {@link
   * AttachmentService#download} ({@code attachment.downloaded}, with who and which file). Empty for
   * ids that are not files of this case.
   */
  public Optional<AttachmentDownload> download(UUID caseId, UUID attachmentId) {
    TenantScope scope = StaffScope.require(caller);
    Optional<CaseRecord> found =
        caseId == null ? Optional.empty() : cases.find(scope.municipalityId(), caseId);
    if (found.isEmpty()
        || attachmentId == null
        || attachments.ofApplication(found.get().applicationId()).stream()
            .noneMatch(a -> a.id().equals(attachmentId))) {
      return Optional.empty();
    }
    return attachments.download(attachmentId);
  }

  /**
   * The applicant answered a request for information: the case goes back to review and the clock
   * runs again (the due date moves by the paused days). Called in the citizen's scope; a reply
   * while the case does not wait (a general message) changes nothing and is refused quietly. {@link
   * ReplyObserver} calls this when the applicant writes in the case's thread.
   */
  public CaseOutcome applicantReplied(UUID caseId) {
    return citizenTransition(
        caseId,
        CaseAction.CITIZEN_REPLIED,
        CaseEvent.Kind.CITIZEN_REPLIED,
        "case.applicant-replied");
  }

  /**
   * What the citizen applied for was issued at once from a register, without a clerk (the
   * Meldebescheinigung, issue 13): the case of her own application is closed in her transaction,
   * with a timeline entry she sees ({@code detail}, e.g. the certificate's code). A case already
   * decided or ended stays as it is (issuing is idempotent, so is this).
   *
   * @return empty if there is no case of hers for the application
   */
  public Optional<CaseOutcome> closeAsIssued(UUID applicationId, String detail) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      throw new SecurityException("Only the applicant's own request issues at once");
    }
    Optional<CaseRecord> locked =
        applicationId == null
            ? Optional.empty()
            : cases
                .ofApplication(applicationId)
                .flatMap(c -> cases.lockOwn(scope.subject(), c.id()));
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    CaseRecord c = locked.get();
    CaseLifecycle.Decision decision =
        CaseLifecycle.decide(c.status(), CaseAction.ISSUED, CaseAction.Actor.SYSTEM);
    if (!decision.allowed()) {
      return Optional.of(CaseOutcome.refused(decision.refusalKey()));
    }
    CaseStatus from = c.status();
    String portal = "Rathaus";
    c.apply(CaseAction.ISSUED, clock.instant(), portal);
    long version = flushedVersion(c);
    timelineEvent(
        scope,
        c,
        CaseEvent.Kind.ISSUED,
        from,
        c.status(),
        bounded(detail),
        true,
        portal,
        "case.issued");
    return Optional.of(CaseOutcome.done(version));
  }

  /** The citizen withdraws their application before a decision. */
  public CaseOutcome withdraw(UUID caseId) {
    return citizenTransition(
        caseId, CaseAction.WITHDRAW, CaseEvent.Kind.WITHDRAW, "case.withdrawn");
  }

  /**
   * What a specialist procedure reported about a case handed off to it (issue 14), applied in the
   * caller's transaction — the Subscriber API's, in the staff scope of the destination's
   * municipality. {@code HANDED_OVER} and {@code RECEIVED} only add a timeline entry the citizen
   * sees; {@code REFUSED} a staff-only entry with the reason (the case stays in the back office);
   * {@code IN_PROGRESS} starts the review; {@code DECIDED} approves or rejects with the reasons (a
   * submitted case is taken into review first) and delivers the notice to the applicant's mailbox —
   * the procedure's own PDF if it sent one, otherwise the portal's notice. The procedure decides:
   * the portal's "fee first" rule is the procedure's business here.
   *
   * <p>A decision needs the municipality's data key; {@code DataKeys.ensure} must have run before
   * the caller's transaction touched the audit chain (as {@link #decide} does it).
   */
  public CaseOutcome procedureReport(UUID caseId, ProcedureReport report) {
    TenantScope scope = StaffScope.require(caller);
    Optional<CaseRecord> locked =
        caseId == null ? Optional.empty() : cases.lock(scope.municipalityId(), caseId);
    if (locked.isEmpty()) {
      return CaseOutcome.refused(CaseOutcome.NOT_FOUND);
    }
    CaseRecord c = locked.get();
    Instant now = clock.instant();
    String actor = report.procedureName();
    switch (report.step()) {
      case HANDED_OVER, RECEIVED -> {
        timelineEvent(
            scope,
            c,
            report.step() == ProcedureReport.Step.HANDED_OVER
                ? CaseEvent.Kind.HANDED_OVER
                : CaseEvent.Kind.PROCEDURE_RECEIVED,
            null,
            null,
            null,
            true,
            actor,
            "case.procedure-" + report.step().name().toLowerCase(java.util.Locale.ROOT));
        return CaseOutcome.done(c.version());
      }
      case REFUSED -> {
        timelineEvent(
            scope,
            c,
            CaseEvent.Kind.HANDOFF_REFUSED,
            null,
            null,
            bounded(report.text()),
            false,
            actor,
            "case.procedure-refused");
        return CaseOutcome.done(c.version());
      }
      case IN_PROGRESS -> {
        if (c.status() != CaseStatus.SUBMITTED) {
          return c.status() == CaseStatus.IN_REVIEW
              ? CaseOutcome.done(c.version())
              : CaseOutcome.refused(
                  c.status().isDecidedOrEnded()
                      ? "case.refused.already-decided"
                      : "case.refused.not-now");
        }
        c.apply(CaseAction.CLAIM, now, actor);
        long version = flushedVersion(c);
        timelineEvent(
            scope,
            c,
            CaseEvent.Kind.START_REVIEW,
            CaseStatus.SUBMITTED,
            c.status(),
            null,
            true,
            actor,
            "case.review-started");
        return CaseOutcome.done(version);
      }
      case DECIDED -> {
        return procedureDecision(scope, c, report, now);
      }
      default -> throw new IllegalArgumentException("Unknown step " + report.step());
    }
  }

  private CaseOutcome procedureDecision(
      TenantScope scope, CaseRecord c, ProcedureReport report, Instant now) {
    boolean approve = Boolean.TRUE.equals(report.approved());
    String reasons = report.text() == null ? "" : report.text().strip();
    if (reasons.isEmpty()) {
      return CaseOutcome.refused("case.refused.reasons-required");
    }
    if (reasons.length() > DecisionNotices.MAX_REASONS) {
      return CaseOutcome.refused(
          "case.refused.reasons-too-long", Integer.toString(DecisionNotices.MAX_REASONS));
    }
    String actor = report.procedureName();
    CaseStatus from = c.status();
    boolean claimFirst = from == CaseStatus.SUBMITTED;
    CaseStatus reviewing = claimFirst ? CaseStatus.IN_REVIEW : from;
    CaseAction action = approve ? CaseAction.APPROVE : CaseAction.REJECT;
    CaseLifecycle.Decision decision =
        CaseLifecycle.decide(reviewing, action, CaseAction.Actor.STAFF);
    if (!decision.allowed()) {
      return CaseOutcome.refused(decision.refusalKey());
    }
    if (claimFirst) {
      c.apply(CaseAction.CLAIM, now, actor);
    }
    c.decideWith(reasons);
    c.apply(action, now, actor);
    long version = flushedVersion(c);
    if (claimFirst) {
      timelineEvent(
          scope,
          c,
          CaseEvent.Kind.START_REVIEW,
          from,
          CaseStatus.IN_REVIEW,
          null,
          true,
          actor,
          "case.review-started");
    }
    timelineEvent(
        scope,
        c,
        approve ? CaseEvent.Kind.APPROVE : CaseEvent.Kind.REJECT,
        CaseStatus.IN_REVIEW,
        c.status(),
        reasons,
        true,
        actor,
        approve ? "case.approved" : "case.rejected");
    OutgoingFile notice;
    String language;
    if (report.noticePdf() != null) {
      language =
          cases
              .application(scope.municipalityId(), c.applicationId())
              .map(CaseApplication::language)
              .orElse("de");
      notice =
          new OutgoingFile(
              "Bescheid-" + c.referenceNumber() + ".pdf", "application/pdf", report.noticePdf());
    } else {
      IssuedNotice issued = notices.issue(c.id(), approve, reasons);
      language = issued.language();
      notice = new OutgoingFile(issued.fileName(), "application/pdf", issued.pdf());
    }
    mailbox.postToApplicant(
        c.id(), NoticeMessage.text(c.referenceNumber(), approve, language), List.of(notice));
    return CaseOutcome.done(version);
  }

  /** A timeline entry by {@code actorName} and its audit entry. */
  private void timelineEvent(
      TenantScope scope,
      CaseRecord c,
      CaseEvent.Kind kind,
      CaseStatus from,
      CaseStatus to,
      String detail,
      boolean citizenVisible,
      String actorName,
      String auditAction) {
    cases.addEvent(
        new CaseEvent(
            c.id(),
            c.municipalityId(),
            clock.instant(),
            scope.subject(),
            actorName,
            kind,
            from,
            to,
            detail,
            citizenVisible));
    if (from != null && to != null && from != to) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("caseId", c.id().toString());
      data.put("referenceNumber", c.referenceNumber());
      data.put("from", from.name());
      data.put("to", to.name());
      webhooks.raise(c.municipalityId(), WebhookEventType.CASE_STATUS_CHANGED, data);
    }
    audit.record(
        new AuditEvent(
            scope.subject(),
            auditAction,
            "case_record",
            c.id().toString(),
            c.municipalityId(),
            c.referenceNumber() + (from == null ? "" : " " + from + "->" + to)));
  }

  private CaseOutcome citizenTransition(
      UUID caseId, CaseAction action, CaseEvent.Kind kind, String auditAction) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      throw new SecurityException("Only the applicant acts as the citizen on a case");
    }
    Optional<CaseRecord> locked =
        caseId == null ? Optional.empty() : cases.lockOwn(scope.subject(), caseId);
    if (locked.isEmpty()) {
      return CaseOutcome.refused(CaseOutcome.NOT_FOUND);
    }
    CaseRecord c = locked.get();
    CaseLifecycle.Decision decision =
        CaseLifecycle.decide(c.status(), action, CaseAction.Actor.CITIZEN);
    if (!decision.allowed()) {
      return CaseOutcome.refused(decision.refusalKey());
    }
    CaseStatus from = c.status();
    c.apply(action, clock.instant(), c.applicantName());
    long version = flushedVersion(c);
    record(scope, c, kind, from, c.status(), null, true, auditAction);
    return CaseOutcome.done(version);
  }

  private CaseOutcome staffTransition(
      UUID caseId,
      long expectedVersion,
      CaseAction action,
      CaseEvent.Kind kind,
      String detail,
      String auditAction) {
    TenantScope scope = StaffScope.require(caller);
    Optional<CaseRecord> locked = cases.lock(scope.municipalityId(), caseId);
    Optional<CaseOutcome> refusal = check(locked, expectedVersion);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    CaseRecord c = locked.get();
    CaseLifecycle.Decision decision =
        CaseLifecycle.decide(c.status(), action, CaseAction.Actor.STAFF);
    if (!decision.allowed()) {
      return CaseOutcome.refused(decision.refusalKey());
    }
    String me = nameOf(scope);
    Instant now = clock.instant();
    boolean assign = c.assigneeSubject() == null;
    if (assign) {
      c.assignTo(scope.subject(), me, now, me);
    }
    if (action == CaseAction.APPROVE || action == CaseAction.REJECT) {
      c.decideWith(detail);
    }
    CaseStatus from = c.status();
    c.apply(action, now, me);
    long version = flushedVersion(c);
    if (assign) {
      record(scope, c, CaseEvent.Kind.ASSIGN, null, null, me, false, "case.assigned");
    }
    record(scope, c, kind, from, c.status(), detail, true, auditAction);
    LOG.fine(() -> "Case " + c.referenceNumber() + ": " + from + " -> " + c.status());
    return CaseOutcome.done(version);
  }

  private void record(
      TenantScope scope,
      CaseRecord c,
      CaseEvent.Kind kind,
      CaseStatus from,
      CaseStatus to,
      String detail,
      boolean citizenVisible,
      String auditAction) {
    String actorName = scope.kind() == TenantScope.Kind.CITIZEN ? c.applicantName() : nameOf(scope);
    timelineEvent(scope, c, kind, from, to, detail, citizenVisible, actorName, auditAction);
  }

  /** Refusal if the case is not the caller's municipality's, or changed since the clerk saw it. */
  private static Optional<CaseOutcome> check(Optional<CaseRecord> locked, long expectedVersion) {
    if (locked.isEmpty()) {
      return Optional.of(CaseOutcome.refused(CaseOutcome.NOT_FOUND));
    }
    CaseRecord c = locked.get();
    if (c.version() != expectedVersion) {
      String who = c.changedByName() == null ? "?" : c.changedByName();
      return Optional.of(CaseOutcome.refused(CaseOutcome.STALE, who));
    }
    return Optional.empty();
  }

  /**
   * The version after this action's changes. All changes to the case are made before this flush and
   * the timeline and audit entries after it: their queries would otherwise flush the case early and
   * bump the version twice for one action.
   */
  private long flushedVersion(CaseRecord c) {
    cases.flush();
    return c.version();
  }

  private String nameOf(TenantScope scope) {
    return cases
        .staffMember(scope.municipalityId(), scope.subject())
        .map(StaffMember::displayName)
        .orElse(scope.subject());
  }

  private static String bounded(String text) {
    String t = text.strip();
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
  }
}
