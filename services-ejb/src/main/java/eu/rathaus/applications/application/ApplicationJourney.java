package eu.rathaus.applications.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.domain.ApplicationDraft;
import eu.rathaus.applications.domain.ApplicationRepository;
import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.applications.domain.CaseStates;
import eu.rathaus.applications.domain.DraftAnswers;
import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.applications.domain.ReferenceNumberSequence;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.catalogue.application.PublishedService;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.catalogue.domain.AnswerValidator;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.Prefill;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.application.Outbox;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The citizen's side of an application: start a form on the current version of a service, save it
 * step by step as a draft, submit it, and read back drafts, applications and receipts.
 *
 * <p>Everything here acts for the signed-in citizen of the {@link CallerScope} and nobody else:
 * every query names the citizen's subject, and row-level security (V6) checks the same subject
 * again, so a draft id or reference number of another person behaves exactly like an unknown one.
 *
 * <p>Submission is one transaction: reference number, application, case record and payment request
 * (opened by observers of {@link ApplicationSubmitted}), audit entry, the outbox row of the
 * confirmation mail and the removal of the draft commit together or not at all. The review form's
 * idempotency key is unique per applicant, and the draft row is locked while it is submitted, so a
 * double click or a retried request yields exactly one application.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ApplicationJourney {

  private static final Logger LOG = Logger.getLogger(ApplicationJourney.class.getName());

  /** Template key of the "your application arrived" notice (no personal content). */
  public static final String SUBMITTED_NOTICE = "application.notice.submitted";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9-]{16,64}");
  private static final int LIST_LIMIT = 100;

  /** Reference numbers count per calendar year of the authority. */
  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  @Inject ApplicationRepository applications;
  @Inject ReferenceNumberSequence referenceNumbers;
  @Inject ServiceCatalogue catalogue;
  @Inject ServiceDefinitionRepository definitions;
  @Inject MunicipalityRepository municipalities;
  @Inject Outbox outbox;
  @Inject AuditLog audit;
  @Inject RegisterFacts registerFacts;
  @Inject CallerScope caller;
  @Inject AttachmentService attachments;
  @Inject CaseStates cases;
  @Inject Event<ApplicationSubmitted> submissions;
  @Resource TransactionSynchronizationRegistry transactions;

  Clock clock = Clock.systemUTC();

  /** A new, not yet saved form on the current version of a service that the municipality offers. */
  public Optional<ApplicationForm> newForm(String municipalitySlug, String serviceKey) {
    requireCitizen();
    if (municipalitySlug == null || serviceKey == null) {
      return Optional.empty();
    }
    return municipalities
        .findBySlug(municipalitySlug)
        .filter(m -> m.status() == MunicipalityStatus.ACTIVE)
        .flatMap(
            m ->
                definitions
                    .findByServiceKey(m.id(), serviceKey)
                    .flatMap(d -> catalogue.currentVersion(m.id(), d.id()))
                    .map(
                        service ->
                            new ApplicationForm(
                                null, m.id(), m.slug(), m.name(), service, "{}", 0, null)));
  }

  /** The citizen's own draft with the version it is pinned to; empty for anyone else's. */
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<ApplicationForm> draft(UUID draftId) {
    String subject = requireCitizen();
    return applications.findDraft(subject, draftId).flatMap(this::toForm);
  }

  /**
   * The citizen's own draft, as {@link #draft}, together with its files ({@link #attachmentsOf}),
   * read in one transaction: a form page shows both.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<DraftWithFiles> draftWithFiles(UUID draftId) {
    return draft(draftId)
        .map(form -> new DraftWithFiles(form, attachments.ofDraft(form.draftId())));
  }

  /** A draft and its files, in upload order. */
  public record DraftWithFiles(ApplicationForm form, List<AttachmentSummary> files) {}

  /**
   * Saves step {@code stepIndex}: its values join the saved answers (see {@link DraftAnswers}), are
   * checked step-wise, and only if they pass is the draft stored — created on the first step,
   * pinned to {@code versionId}, the version the citizen was shown. {@code nextStep} is where the
   * citizen continues.
   */
  public StepOutcome saveStep(
      UUID draftId,
      String municipalitySlug,
      String serviceKey,
      UUID versionId,
      int stepIndex,
      ObjectNode stepValues,
      int nextStep) {
    StepWithFiles.Outcome outcome =
        save(
            new StepInput(draftId, municipalitySlug, serviceKey, versionId, stepIndex, stepValues),
            current -> nextStep,
            false,
            List.of(),
            List.of());
    return new StepOutcome(outcome.draftId(), outcome.problems());
  }

  /** Which step of which draft (or, with no draft yet, of which service) and what was posted. */
  public record StepInput(
      UUID draftId,
      String municipalitySlug,
      String serviceKey,
      UUID versionId,
      int stepIndex,
      ObjectNode values) {}

  /**
   * A file checked by {@link AttachmentService#checkForDraft}, chosen in file field {@code
   * fieldKey}.
   */
  public record NewFile(String fieldKey, AttachmentService.CheckedFile file) {}

  /**
   * Saves a step together with the files chosen on it, in one transaction (see {@link
   * StepWithFiles}): the draft is locked (or created), the step's answers are checked and merged,
   * its file fields keep the ids the draft holds plus the new files, which are stored here. A file
   * refused before ({@code refusedFiles}), a step that does not pass, or a file that cannot be
   * stored leaves everything as it was: no answer changed, no file stored. A required file field
   * still without a file is reported, but the step is saved.
   *
   * @param advance true for "Weiter": the draft then continues after this step
   */
  public StepWithFiles.Outcome saveStepWithFiles(
      StepInput input, boolean advance, List<NewFile> files, List<Problem> refusedFiles) {
    return save(
        input,
        current -> advance ? Math.max(current, input.stepIndex() + 1) : current,
        true,
        files,
        refusedFiles);
  }

  private StepWithFiles.Outcome save(
      StepInput input,
      IntUnaryOperator nextStep,
      boolean filesFromDraft,
      List<NewFile> files,
      List<Problem> refusedFiles) {
    String subject = requireCitizen();
    ApplicationDraft draft;
    ApplicationForm form;
    if (input.draftId() != null) {
      // Locked: parallel saves and uploads into one draft queue up instead of losing each other's
      // answers.
      draft = applications.lockDraft(subject, input.draftId()).orElse(null);
      form = draft == null ? null : toForm(draft).orElse(null);
    } else {
      form =
          newForm(input.municipalitySlug(), input.serviceKey())
              .flatMap(current -> pinned(current, input.versionId()))
              .orElse(null);
      draft = null;
    }
    if (form == null) {
      return notSaved(null, List.of(Problem.of("", "application.notFound")));
    }
    FormDefinition definition = form.service().form();
    int stepIndex = input.stepIndex();
    if (stepIndex < 0 || stepIndex >= definition.steps().size()) {
      return notSaved(input.draftId(), List.of(Problem.of("", "catalogue.answer.unknownStep")));
    }
    StepDefinition step = definition.steps().get(stepIndex);
    ObjectNode values = input.values().deepCopy();
    if (filesFromDraft) {
      StepWithFiles.withSavedFileIds(step, form.answersJson(), values);
    }
    ObjectNode merged = DraftAnswers.mergeStep(definition, read(form.answersJson()), step, values);
    List<Problem> problems = new ArrayList<>(DraftAnswers.checkStep(definition, merged, step));
    if (problems.isEmpty()) {
      problems.addAll(foreignFiles(draft == null ? null : draft.id(), step.fields(), merged));
    }
    problems.addAll(refusedFiles);
    for (NewFile file : files) {
      if (definition.field(file.fieldKey()).map(FieldDefinition::type).orElse(null)
          != FieldType.FILE) {
        problems.add(Problem.of("", "catalogue.answer.unknownStep"));
      }
    }
    if (!problems.isEmpty()) {
      return notSaved(input.draftId(), problems);
    }
    Instant now = clock.instant();
    int next =
        Math.max(
            0,
            Math.min(
                nextStep.applyAsInt(draft == null ? 0 : draft.currentStep()),
                definition.steps().size()));
    if (draft == null) {
      draft =
          new ApplicationDraft(
              UUID.randomUUID(),
              form.municipalityId(),
              form.service().definitionId(),
              form.service().versionId(),
              subject,
              now);
      draft.save(merged.toString(), next, now);
      applications.addDraft(draft);
      audit.record(
          new AuditEvent(
              subject,
              "application.draft-started",
              "application_draft",
              draft.id().toString(),
              form.municipalityId(),
              form.service().serviceKey() + " v" + form.service().versionNumber()));
    }
    List<String> stored = new ArrayList<>();
    for (NewFile file : files) {
      UploadOutcome outcome =
          attachments.storeInDraft(file.file(), draft.id(), definition.attachments());
      if (!outcome.isStored()) {
        // Nothing of this step may stay: not the draft, not its answers, not the files before.
        transactions.setRollbackOnly();
        return notSaved(
            input.draftId(),
            List.of(
                Problem.of(
                    file.fieldKey(),
                    outcome.getProblem().messageKey(),
                    outcome.getProblem().arguments().toArray())));
      }
      ArrayNode ids =
          merged.get(file.fieldKey()) instanceof ArrayNode held
              ? held
              : merged.putArray(file.fieldKey());
      ids.add(outcome.getStored().id().toString());
      stored.add(outcome.getStored().displayName());
    }
    draft.save(merged.toString(), next, now);
    List<Problem> missing =
        files.isEmpty() && !filesFromDraft
            ? List.of()
            : StepWithFiles.missingRequiredFiles(definition, merged, step);
    return new StepWithFiles.Outcome(draft.id(), true, missing, stored);
  }

  private static StepWithFiles.Outcome notSaved(UUID draftId, List<Problem> problems) {
    return new StepWithFiles.Outcome(draftId, false, problems, List.of());
  }

  /**
   * The submission API's path: the answers of every step saved as a draft and the draft submitted
   * in <em>one</em> transaction, where the web form takes one per step and one for the submission
   * (issue 16, P1 through the API: every commit is a durable write). The same checks as the form's
   * steps and review; a step or a submission the form refuses rolls everything back, so a refused
   * request stores nothing, not even a draft.
   */
  public SubmissionOutcome submitAnswers(
      String municipalitySlug,
      String serviceKey,
      UUID versionId,
      List<ObjectNode> stepValues,
      String idempotencyKey,
      String recipientEmail,
      String applicantName,
      String locale) {
    UUID draftId = null;
    for (int step = 0; step < stepValues.size(); step++) {
      StepOutcome saved =
          saveStep(
              draftId,
              municipalitySlug,
              serviceKey,
              versionId,
              step,
              stepValues.get(step),
              step + 1);
      if (!saved.problems().isEmpty()) {
        transactions.setRollbackOnly();
        return SubmissionOutcome.invalid(saved.problems(), step);
      }
      draftId = saved.draftId();
    }
    SubmissionOutcome outcome =
        submit(draftId, idempotencyKey, recipientEmail, applicantName, locale);
    if (outcome.result() != SubmissionOutcome.Result.SUBMITTED) {
      transactions.setRollbackOnly();
    }
    return outcome;
  }

  /**
   * Submits a draft (see the class comment for the guarantees). {@code recipientEmail} is the
   * citizen's address from the eID; the answer to the form's notification e-mail field, if the form
   * has one and it is answered, takes its place. Without either no confirmation mail is queued.
   */
  public SubmissionOutcome submit(
      UUID draftId, String idempotencyKey, String recipientEmail, String locale) {
    return submit(draftId, idempotencyKey, recipientEmail, null, locale);
  }

  /**
   * Submits a draft as {@link #submit(UUID, String, String, String)}; {@code applicantName} is the
   * signed-in citizen's name from the eID, copied onto the case so clerks can search by it.
   */
  public SubmissionOutcome submit(
      UUID draftId,
      String idempotencyKey,
      String recipientEmail,
      String applicantName,
      String locale) {
    return submit(draftId, idempotencyKey, recipientEmail, applicantName, locale, Map.of());
  }

  /**
   * Submits as {@link #submit(UUID, String, String, String, String)} and records where prefilled
   * answers came from: {@code prefillSources} maps a field key to its prefill source (issue 13);
   * only fields of the form that declare that very source are kept.
   */
  public SubmissionOutcome submit(
      UUID draftId,
      String idempotencyKey,
      String recipientEmail,
      String applicantName,
      String locale,
      Map<String, String> prefillSources) {
    return submit(
        draftId, idempotencyKey, recipientEmail, applicantName, locale, prefillSources, null);
  }

  /**
   * Submits and enforces the form's prefill here, not only in the form (issue 13): every field the
   * service does not let the citizen change gets the value its source gives now (the eID's facts,
   * her own register record, read and audited) when the submitted one differs (see {@link
   * PrefillValues}), and the sources recorded are the ones whose values the answers hold. If the
   * register cannot be read, nothing is submitted ({@link SubmissionOutcome#unavailable()}).
   */
  public SubmissionOutcome submit(
      UUID draftId,
      String idempotencyKey,
      String recipientEmail,
      String applicantName,
      String locale,
      PrefillFacts facts) {
    return submit(draftId, idempotencyKey, recipientEmail, applicantName, locale, Map.of(), facts);
  }

  private SubmissionOutcome submit(
      UUID draftId,
      String idempotencyKey,
      String recipientEmail,
      String applicantName,
      String locale,
      Map<String, String> prefillSources,
      PrefillFacts facts) {
    String subject = requireCitizen();
    if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw new IllegalArgumentException("Invalid idempotency key");
    }
    Optional<CaseApplication> earlier = applications.findByIdempotencyKey(subject, idempotencyKey);
    if (earlier.isPresent()) {
      return SubmissionOutcome.submitted(earlier.get().referenceNumber());
    }
    Optional<ApplicationDraft> locked = applications.lockDraft(subject, draftId);
    if (locked.isEmpty()) {
      // A concurrent submission of the same form may have committed while we waited for the lock.
      return applications
          .findByIdempotencyKey(subject, idempotencyKey)
          .map(a -> SubmissionOutcome.submitted(a.referenceNumber()))
          .orElseGet(SubmissionOutcome::notFound);
    }
    ApplicationDraft draft = locked.get();
    Optional<ApplicationForm> form = toForm(draft);
    if (form.isEmpty()) {
      return SubmissionOutcome.notFound();
    }
    FormDefinition definition = form.get().service().form();
    ObjectNode given = read(draft.answersJson());
    Map<String, String> sources = prefillSources;
    if (facts != null && definition.fields().stream().anyMatch(f -> f.prefill() != null)) {
      Map<Prefill.Source, JsonNode> register;
      try {
        register =
            PrefillValues.needsRegister(definition)
                ? registerFacts.of(
                    draft.municipalityId(),
                    facts.eidPseudonym(),
                    "prefill check " + form.get().service().serviceKey())
                : Map.of();
      } catch (RegisterFacts.Unavailable e) {
        LOG.warning("Draft " + draftId + " not submitted: " + e.getMessage());
        return SubmissionOutcome.unavailable();
      }
      ObjectNode prefilled = PrefillValues.values(definition, facts.eid(), register);
      List<String> replaced = PrefillValues.enforceLocked(definition, given, prefilled);
      if (!replaced.isEmpty()) {
        LOG.info(
            "Draft "
                + draftId
                + ": read-only prefilled fields replaced by their source: "
                + replaced);
      }
      sources = PrefillValues.sources(definition, given, prefilled);
    }
    ObjectNode answers = DraftAnswers.withoutHiddenAnswers(definition, given);
    AnswerValidator.Result check = AnswerValidator.validate(definition, answers);
    if (!check.isValid()) {
      return SubmissionOutcome.invalid(
          check.problems(), DraftAnswers.firstStepWithProblem(definition, check.problems()));
    }
    List<Problem> foreign = foreignFiles(draft.id(), definition.fields(), answers);
    if (!foreign.isEmpty()) {
      return SubmissionOutcome.invalid(
          foreign, DraftAnswers.firstStepWithProblem(definition, foreign));
    }
    Money fee =
        definition
            .fee()
            .evaluate(answers)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Fee undetermined for valid answers of draft " + draftId));
    Optional<String> referenceCode = applications.referenceCode(draft.municipalityId());
    boolean payeeMissing =
        fee.cents() > 0
            && municipalities
                .findById(draft.municipalityId())
                .map(m -> m.payeeIban() == null || m.payeeName() == null)
                .orElse(true);
    if (referenceCode.isEmpty() || payeeMissing) {
      // Publishing refuses this; only data changed behind the portal's back gets here. The draft
      // stays.
      LOG.warning(
          "Municipality "
              + draft.municipalityId()
              + " cannot take application of draft "
              + draftId
              + (payeeMissing ? ": no payee account" : ": no reference code"));
      return SubmissionOutcome.unavailable();
    }
    String code = referenceCode.get();
    Instant now = clock.instant();
    ReferenceNumber reference =
        referenceNumbers.next(draft.municipalityId(), code, now.atZone(GERMAN_TIME).getYear());
    CaseApplication application =
        new CaseApplication(
            UUID.randomUUID(),
            reference,
            draft,
            answers.toString(),
            fee.cents(),
            now,
            idempotencyKey,
            locale);
    String notifyAt = notificationAddress(definition, answers).orElse(recipientEmail);
    application.sendNotificationsTo(notifyAt);
    application.recordPrefillSources(declaredSources(definition, sources));
    applications.add(application);
    applications.flush();
    attachments.linkToApplication(
        draft.id(),
        fileIds(definition.fields(), answers),
        application.id(),
        draft.municipalityId());
    audit.record(
        new AuditEvent(
            subject,
            "application.submitted",
            "case_application",
            application.id().toString(),
            draft.municipalityId(),
            reference.format()));
    // The case record and the fee's payment request belong to the same transaction: the observers
    // (case work, payments) run synchronously inside it, so no application is left without either.
    submissions.fire(
        new ApplicationSubmitted(
            application,
            definition.processingDays(),
            applicantName,
            subject,
            fee.cents(),
            form.get().service().serviceKey()));
    if (application.notificationEmail() != null) {
      outbox.queue(
          draft.municipalityId(),
          subject,
          application.notificationEmail(),
          SUBMITTED_NOTICE,
          Map.of("reference", reference.format()),
          locale);
    }
    applications.removeDraft(draft);
    // Constraint violations (a duplicate key, a refused outbox row) surface here, inside this
    // transaction, and roll all of it back.
    applications.flush();
    return SubmissionOutcome.submitted(reference);
  }

  private static Optional<String> notificationAddress(FormDefinition form, ObjectNode answers) {
    return form.notificationField()
        .map(f -> answers.path(f.key()).asText(""))
        .filter(address -> !address.isBlank());
  }

  /**
   * The application submitted with {@code idempotencyKey}, e.g. after a retry lost the first
   * answer.
   */
  public Optional<ReferenceNumber> submittedWith(String idempotencyKey) {
    String subject = requireCitizen();
    return applications
        .findByIdempotencyKey(subject, idempotencyKey)
        .map(CaseApplication::referenceNumber);
  }

  /** "Meine Anträge" of the signed-in citizen. */
  public MyApplications mine() {
    String subject = requireCitizen();
    List<MyApplications.DraftSummary> drafts = new ArrayList<>();
    for (ApplicationDraft d : applications.draftsOf(subject, LIST_LIMIT)) {
      Optional<PublishedService> service =
          catalogue.publishedVersion(d.municipalityId(), d.versionId());
      int steps = service.map(s -> s.form().steps().size()).orElse(0);
      drafts.add(
          new MyApplications.DraftSummary(
              d.id(),
              service.map(PublishedService::title).orElse(unknownService()),
              d.updatedAt(),
              Math.min(d.currentStep(), steps) + 1,
              steps + 1));
    }
    List<MyApplications.SubmittedSummary> submitted = new ArrayList<>();
    for (CaseApplication a : applications.applicationsOf(subject, LIST_LIMIT)) {
      LocalizedText title =
          catalogue
              .publishedVersion(a.municipalityId(), a.versionId())
              .map(PublishedService::title)
              .orElse(unknownService());
      CaseStates.State state = cases.ofApplication(a.id(), clock.instant());
      submitted.add(
          new MyApplications.SubmittedSummary(
              a.referenceNumber().format(),
              title,
              a.submittedAt(),
              state.status(),
              a.id(),
              state.expectedDecision(),
              state.caseId(),
              state.withdrawable()));
    }
    return new MyApplications(drafts, submitted);
  }

  /**
   * The receipt of the citizen's own application; empty for unknown numbers and for anyone else's.
   */
  public Optional<Receipt> receipt(String referenceText) {
    String subject = requireCitizen();
    if (!ReferenceNumber.isValid(referenceText)) {
      return Optional.empty();
    }
    return applications
        .findByReference(subject, ReferenceNumber.parse(referenceText))
        .flatMap(
            a ->
                catalogue
                    .publishedVersion(a.municipalityId(), a.versionId())
                    .map(
                        service ->
                            new Receipt(
                                municipalities
                                    .findById(a.municipalityId())
                                    .map(Municipality::name)
                                    .orElse(""),
                                service.title(),
                                a.referenceNumber().format(),
                                a.submittedAt(),
                                service.form(),
                                a.answersJson(),
                                Money.euroCents(a.feeCents()),
                                attachments.ofApplication(a.id()),
                                a.id())));
  }

  /** The files of the citizen's own draft, in upload order; empty for anyone else's draft. */
  public List<AttachmentSummary> attachmentsOf(UUID draftId) {
    String subject = requireCitizen();
    if (draftId == null || applications.findDraft(subject, draftId).isEmpty()) {
      return List.of();
    }
    return attachments.ofDraft(draftId);
  }

  /**
   * Adds a freshly uploaded file to the answer of file field {@code fieldKey} of the citizen's
   * draft. The file must be the citizen's own, uploaded into this draft ({@link AttachmentService}
   * checks it, the posted id is not trusted). The draft row is locked, so parallel uploads into one
   * draft queue up instead of losing each other's ids.
   */
  public List<Problem> attach(UUID draftId, String fieldKey, UUID attachmentId) {
    String subject = requireCitizen();
    Optional<ApplicationDraft> locked = applications.lockDraft(subject, draftId);
    Optional<ApplicationForm> form = locked.flatMap(this::toForm);
    if (form.isEmpty()) {
      return List.of(Problem.of("", "application.notFound"));
    }
    FormDefinition definition = form.get().service().form();
    if (definition.field(fieldKey).map(FieldDefinition::type).orElse(null) != FieldType.FILE) {
      return List.of(Problem.of("", "catalogue.answer.unknownStep"));
    }
    if (attachments.belongingTo(draftId, List.of(attachmentId)).isEmpty()) {
      return List.of(Problem.of(fieldKey, "upload.error.foreign"));
    }
    ObjectNode answers = read(locked.get().answersJson());
    Set<String> ids = new LinkedHashSet<>(idTexts(answers.get(fieldKey)));
    ids.add(attachmentId.toString());
    ArrayNode array = answers.putArray(fieldKey);
    ids.forEach(array::add);
    locked.get().save(answers.toString(), locked.get().currentStep(), clock.instant());
    return List.of();
  }

  /**
   * Removes a file from the citizen's draft: out of the field's answer and deleted (audited by
   * {@link AttachmentService#removeFromDraft}). False if it is not a file of this draft.
   */
  public boolean detach(UUID draftId, UUID attachmentId) {
    String subject = requireCitizen();
    Optional<ApplicationDraft> locked = applications.lockDraft(subject, draftId);
    if (locked.isEmpty() || !attachments.removeFromDraft(draftId, attachmentId)) {
      return false;
    }
    ObjectNode answers = read(locked.get().answersJson());
    String removed = attachmentId.toString();
    List<String> keys = new ArrayList<>();
    answers.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode value = answers.get(key);
      if (value.isArray()) {
        List<String> kept = idTexts(value).stream().filter(id -> !id.equals(removed)).toList();
        if (kept.size() != value.size()) {
          if (kept.isEmpty()) {
            answers.remove(key);
          } else {
            ArrayNode array = answers.putArray(key);
            kept.forEach(array::add);
          }
        }
      }
    }
    locked.get().save(answers.toString(), locked.get().currentStep(), clock.instant());
    return true;
  }

  /**
   * A problem for every file field among {@code fields} whose answer names an attachment that is
   * not the citizen's own file of this draft (another person's id, a submitted file, a made-up id).
   */
  private List<Problem> foreignFiles(UUID draftId, List<FieldDefinition> fields, JsonNode answers) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDefinition field : fields) {
      if (field.type() != FieldType.FILE) {
        continue;
      }
      Set<UUID> posted = new LinkedHashSet<>();
      boolean malformed = false;
      for (String text : idTexts(answers.get(field.key()))) {
        try {
          posted.add(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
          malformed = true;
        }
      }
      if (malformed
          || (!posted.isEmpty() && !attachments.belongingTo(draftId, posted).containsAll(posted))) {
        problems.add(Problem.of(field.key(), "upload.error.foreign"));
      }
    }
    return problems;
  }

  /** The attachment ids answered in the file fields among {@code fields}. */
  private static Set<UUID> fileIds(List<FieldDefinition> fields, JsonNode answers) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (FieldDefinition field : fields) {
      if (field.type() == FieldType.FILE) {
        idTexts(answers.get(field.key())).forEach(text -> ids.add(UUID.fromString(text)));
      }
    }
    return ids;
  }

  /** The strings of a file field's answer: an array of ids, or (leniently) one id. */
  static List<String> idTexts(JsonNode value) {
    List<String> ids = new ArrayList<>();
    if (value == null || value.isNull()) {
      return ids;
    }
    if (value.isArray()) {
      value.forEach(v -> ids.add(v.asText()));
    } else {
      ids.add(value.asText());
    }
    return ids;
  }

  private Optional<ApplicationForm> pinned(ApplicationForm current, UUID versionId) {
    if (versionId == null || versionId.equals(current.service().versionId())) {
      return Optional.of(current);
    }
    // The citizen was shown an older version (a newer one was published meanwhile): pin to that
    // one.
    return catalogue
        .publishedVersion(current.municipalityId(), versionId)
        .filter(s -> s.definitionId().equals(current.service().definitionId()))
        .map(
            s ->
                new ApplicationForm(
                    null,
                    current.municipalityId(),
                    current.municipalitySlug(),
                    current.municipalityName(),
                    s,
                    "{}",
                    0,
                    null));
  }

  private Optional<ApplicationForm> toForm(ApplicationDraft d) {
    Optional<Municipality> municipality = municipalities.findById(d.municipalityId());
    return catalogue
        .publishedVersion(d.municipalityId(), d.versionId())
        .map(
            service ->
                new ApplicationForm(
                    d.id(),
                    d.municipalityId(),
                    municipality.map(Municipality::slug).orElse(""),
                    municipality.map(Municipality::name).orElse(""),
                    service,
                    d.answersJson(),
                    d.currentStep(),
                    d.updatedAt()));
  }

  private String requireCitizen() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      throw new SecurityException("Applications are made by signed-in citizens");
    }
    return scope.subject();
  }

  private static LocalizedText unknownService() {
    return new LocalizedText("–", "–");
  }

  private static ObjectNode read(String json) {
    try {
      JsonNode node = json == null ? null : JSON.readTree(json);
      return node != null && node.isObject()
          ? (ObjectNode) node
          : JsonNodeFactory.instance.objectNode();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored answers are not JSON", e);
    }
  }

  /** The given sources as JSON, only those a field of the form declares; null if none. */
  static String declaredSources(FormDefinition definition, Map<String, String> given) {
    ObjectNode sources = JSON.createObjectNode();
    if (given != null) {
      for (FieldDefinition field : definition.fields()) {
        String source = given.get(field.key());
        if (field.prefill() != null && field.prefill().source().key().equals(source)) {
          sources.put(field.key(), source);
        }
      }
    }
    return sources.isEmpty() ? null : sources.toString();
  }
}
