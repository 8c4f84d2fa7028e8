package eu.rathaus.handoff.application;

import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.cases.application.ProcedureReport;
import eu.rathaus.handoff.domain.Destination;
import eu.rathaus.handoff.domain.HandedOff;
import eu.rathaus.handoff.domain.HandoffRepository;
import eu.rathaus.handoff.domain.StatusEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.application.MailboxIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Subscriber API's use cases, for a specialist procedure signed in with its destination's
 * client: the caller scope is the staff scope of the destination's municipality with the client id
 * as subject (set by the web layer from the verified token), so row-level security keeps it inside
 * its municipality, and every method also checks that the destination is the client's own.
 *
 * <p>List and fetch pending submissions, acknowledge one (exactly once: PENDING → ACKNOWLEDGED, a
 * repeat is answered as done), reject one with a reason (it stays with the back office in Rathaus),
 * and report status events (JWS verified with the destination's signature key; a replayed event id
 * is refused, a forged or stale one too). Every step is audited and shows on the case's timeline.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class Subscriber {

  /** The timeline's name for the actor. */
  public static final String PROCEDURE_NAME = "Fachverfahren";

  static final int MAX_REASON = 1000;
  static final int PAGE = 100;

  @Inject CallerScope caller;
  @Inject HandoffRepository repository;
  @Inject CaseWork cases;
  @Inject DataKeys dataKeys;
  @Inject AuditLog audit;
  @Inject MailboxIdentity mailboxIdentity;

  Clock clock = Clock.systemUTC();

  /** How a step ended. */
  public enum Result {
    DONE,
    NOT_FOUND,
    CONFLICT,
    INVALID,
    REPLAYED
  }

  public record Outcome(Result result, String detail) {
    static Outcome done() {
      return new Outcome(Result.DONE, null);
    }
  }

  /**
   * The destination if it is the calling client's own (and so of the caller's municipality); empty
   * otherwise.
   */
  public Optional<Destination> own(UUID destinationId) {
    TenantScope scope = scope();
    return repository
        .destination(destinationId)
        .filter(d -> d.municipalityId().equals(scope.municipalityId()))
        .filter(d -> d.clientId().equals(scope.subject()));
  }

  public List<HandedOff> pending(UUID destinationId) {
    return own(destinationId).map(d -> repository.pending(d.id(), PAGE)).orElse(List.of());
  }

  /** The sealed submission (JWE compact); empty for a foreign or unknown one. */
  public Optional<String> fetch(UUID destinationId, UUID submissionId) {
    Optional<Destination> d = own(destinationId);
    if (d.isEmpty() || submissionId == null) {
      return Optional.empty();
    }
    Optional<String> content = repository.fetch(d.get().id(), submissionId, clock.instant());
    content.ifPresent(
        c ->
            audit.record(
                new AuditEvent(
                    scope().subject(),
                    "handoff.fetched",
                    "handoff_submission",
                    submissionId.toString(),
                    d.get().municipalityId(),
                    null)));
    return content;
  }

  public Outcome acknowledge(UUID destinationId, UUID submissionId) {
    Optional<Destination> d = own(destinationId);
    Optional<HandedOff> s = submission(d, submissionId);
    if (s.isEmpty()) {
      return new Outcome(Result.NOT_FOUND, "no such submission for this destination");
    }
    return switch (s.get().status()) {
      case ACKNOWLEDGED -> Outcome.done();
      case REJECTED -> new Outcome(Result.CONFLICT, "the submission was rejected before");
      case PENDING -> acknowledgePending(d.get(), s.get());
    };
  }

  private Outcome acknowledgePending(Destination d, HandedOff s) {
    if (!repository.acknowledge(d.id(), s.id(), clock.instant())) {
      return Outcome.done(); // acknowledged by a concurrent request
    }
    audit.record(
        new AuditEvent(
            scope().subject(),
            "handoff.acknowledged",
            "handoff_submission",
            s.id().toString(),
            d.municipalityId(),
            s.referenceNumber()));
    if (s.caseId() != null) {
      cases.procedureReport(
          s.caseId(),
          new ProcedureReport(ProcedureReport.Step.HANDED_OVER, PROCEDURE_NAME, null, null, null));
    }
    return Outcome.done();
  }

  public Outcome reject(UUID destinationId, UUID submissionId, String reason) {
    if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
      return new Outcome(Result.INVALID, "a reason of 1 to " + MAX_REASON + " characters");
    }
    Optional<Destination> d = own(destinationId);
    Optional<HandedOff> s = submission(d, submissionId);
    if (s.isEmpty()) {
      return new Outcome(Result.NOT_FOUND, "no such submission for this destination");
    }
    if (s.get().status() != HandedOff.Status.PENDING
        || !repository.reject(d.get().id(), submissionId, reason.strip(), clock.instant())) {
      return new Outcome(Result.CONFLICT, "only a pending submission can be rejected");
    }
    audit.record(
        new AuditEvent(
            scope().subject(),
            "handoff.rejected",
            "handoff_submission",
            submissionId.toString(),
            d.get().municipalityId(),
            s.get().referenceNumber()));
    if (s.get().caseId() != null) {
      cases.procedureReport(
          s.get().caseId(),
          new ProcedureReport(
              ProcedureReport.Step.REFUSED, PROCEDURE_NAME, null, reason.strip(), null));
    }
    return Outcome.done();
  }

  /** A signed status event (JWS compact) about one of the destination's submissions. */
  public Outcome report(UUID destinationId, String jws) {
    Optional<Destination> d = own(destinationId);
    if (d.isEmpty()) {
      return new Outcome(Result.NOT_FOUND, "no such destination for this client");
    }
    Instant now = clock.instant();
    StatusEvent.Verified verified =
        StatusEvent.verify(jws, d.get().keys().signature(), d.get().id(), now);
    if (verified.event().isEmpty()) {
      return new Outcome(Result.INVALID, verified.refusal());
    }
    StatusEvent event = verified.event().get();
    Optional<HandedOff> s = repository.submission(d.get().id(), event.submissionId());
    if (s.isEmpty()) {
      return new Outcome(Result.NOT_FOUND, "no such submission for this destination");
    }
    if (repository.eventSeen(d.get().id(), event.jti())) {
      return new Outcome(Result.REPLAYED, "this event (jti) was received before");
    }
    if (s.get().status() == HandedOff.Status.REJECTED) {
      return new Outcome(Result.CONFLICT, "the submission was rejected");
    }
    if (s.get().caseId() == null) {
      return new Outcome(Result.CONFLICT, "the submission has no case");
    }
    // The notice (the portal's or the procedure's) is sealed with the municipality's data key,
    // which must exist before this transaction holds the head of the audit chain.
    dataKeys.ensure(d.get().municipalityId());
    if (s.get().status() == HandedOff.Status.PENDING) {
      acknowledgePending(d.get(), s.get());
    }
    ProcedureReport.Step step =
        switch (event.kind()) {
          case RECEIVED -> ProcedureReport.Step.RECEIVED;
          case IN_PROGRESS -> ProcedureReport.Step.IN_PROGRESS;
          case DECIDED -> ProcedureReport.Step.DECIDED;
        };
    // The notice's message in the citizen's mailbox is signed by the procedure, not by a client id.
    mailboxIdentity.set(PROCEDURE_NAME, null);
    CaseOutcome outcome =
        cases.procedureReport(
            s.get().caseId(),
            new ProcedureReport(
                step, PROCEDURE_NAME, event.approved(), event.reasons(), event.noticePdf()));
    if (!outcome.isDone()) {
      // Nothing of the case changed; the acknowledgement above stays (the procedure has it).
      return new Outcome(Result.CONFLICT, "the case does not allow this now: " + outcome);
    }
    if (!repository.addEvent(
        d.get().municipalityId(),
        d.get().id(),
        s.get().id(),
        event.jti(),
        event.kind().wire(),
        event.issuedAt(),
        now)) {
      // The same event raced itself: roll all of it back.
      throw new IllegalStateException("event " + event.jti() + " recorded concurrently");
    }
    audit.record(
        new AuditEvent(
            scope().subject(),
            "handoff.event",
            "handoff_submission",
            s.get().id().toString(),
            d.get().municipalityId(),
            s.get().referenceNumber() + " " + event.kind().wire()));
    return Outcome.done();
  }

  private Optional<HandedOff> submission(Optional<Destination> d, UUID submissionId) {
    return d.isEmpty() || submissionId == null
        ? Optional.empty()
        : repository.submission(d.get().id(), submissionId);
  }

  private TenantScope scope() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("The Subscriber API acts in a destination's municipality");
    }
    return scope;
  }
}
