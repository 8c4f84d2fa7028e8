package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationForm;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.applications.domain.AnswerDisplay;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.applications.domain.DraftAnswers;
import eu.rathaus.catalogue.domain.CatalogueMessages;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.catalogue.domain.Visibility;
import eu.rathaus.identity.CurrentUser;
import eu.rathaus.identity.LevelOfAssurance;
import eu.rathaus.web.session.LocaleSelection;
import eu.rathaus.web.session.SessionUser;
import eu.rathaus.web.session.StepUp;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.InputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backing bean of {@code citizen/apply.xhtml}, the multi-step form renderer.
 *
 * <p>The draft in the database is the state of the journey, not this bean: every "Weiter" saves the
 * step and redirects (post/redirect/get) to {@code apply.xhtml?draft=…&step=…}, so the back button,
 * a reload or a new session all land on a page built from what is stored. Only a step that failed
 * validation or an "Aktualisieren" (conditional fields without JavaScript) stays on the posted view,
 * showing what the citizen typed.
 */
@Named
@ViewScoped
public class ApplyView implements Serializable {

  private static final Logger LOG = Logger.getLogger(ApplyView.class.getName());

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PAGE = "/citizen/apply.xhtml";
  static final String LEVEL_NEEDED_PAGE = "/citizen/level-needed.xhtml";

  @Inject ApplicationJourney journey;
  @Inject SessionUser sessionUser;
  @Inject LocaleSelection localeSelection;
  @Inject AttachmentService attachments;

  // view parameters
  private String m;
  private String s;
  private String draft;
  private String step;

  private ApplicationForm form;
  private int stepIndex;
  private String shownAnswers = "{}";
  private final Map<String, List<String>> errors = new LinkedHashMap<>();
  private final List<String> summary = new ArrayList<>();
  private String idempotencyKey;
  private String pageMessage;
  private String uploadMessage;
  /** The draft's files, read once per request (reset by every action). */
  private transient List<AttachmentSummary> draftFiles;

  /** f:viewAction on the GET: load the form, check the level of assurance, pick the step. */
  public void init() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    Optional<ApplicationForm> loaded;
    if (draft != null) {
      loaded = parseUuid(draft).flatMap(journey::draft);
    } else {
      loaded = journey.newForm(m, s);
    }
    if (loaded.isEmpty()) {
      external.responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
      faces.responseComplete();
      return;
    }
    form = loaded.get();
    LevelOfAssurance required = LevelOfAssurance.valueOf(form.service().form().levelOfAssurance().name());
    CurrentUser user = sessionUser.getUser();
    if (!user.hasLevelOfAssurance(required)) {
      String here = PAGE + "?" + (draft != null ? "draft=" + draft : "m=" + StepUp.encode(m) + "&s=" + StepUp.encode(s));
      Object attempted = external.getSessionMap().get(StepUp.ATTEMPTED);
      String context = external.getRequestContextPath();
      if (attempted instanceof LevelOfAssurance tried && tried.satisfies(required)) {
        external.redirect(context + LEVEL_NEEDED_PAGE + "?level=" + required.acr() + "&return=" + StepUp.encode(here));
      } else {
        StepUp.begin((jakarta.servlet.http.HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(), required, here);
      }
      faces.responseComplete();
      return;
    }
    int steps = form.service().form().steps().size();
    int reached = Math.min(form.currentStep(), steps);
    stepIndex = reached;
    if (step != null) {
      try {
        stepIndex = Math.max(0, Math.min(Integer.parseInt(step), reached));
      } catch (NumberFormatException e) {
        stepIndex = reached;
      }
    }
    shownAnswers = form.answersJson();
    if (isReview()) {
      idempotencyKey = UUID.randomUUID().toString();
    }
  }

  /**
   * "Weiter": upload the files chosen on this step, check and save the step, then show the next
   * one. A refused file, or a required file field still without a file, keeps the citizen on this
   * step with everything they typed.
   */
  public void next() throws IOException {
    saveWithUploads(true);
  }

  /** "Hochladen": upload the chosen files and save the step, staying on it. */
  public void upload() throws IOException {
    saveWithUploads(false);
  }

  /**
   * "Entfernen" next to a file: removes it from the draft (deleted, audited); what was typed on the
   * step stays on the page, unsaved, as with "Aktualisieren".
   */
  public void remove(String attachmentId) {
    ObjectNode values = postedValues();
    draftFiles = null;
    Optional<UUID> id = parseUuid(attachmentId);
    Optional<AttachmentSummary> file = id.flatMap(i -> files().stream().filter(f -> f.id().equals(i)).findFirst());
    if (form.draftId() != null && file.isPresent() && journey.detach(form.draftId(), file.get().id())) {
      uploadMessage = text("upload.removed", file.get().displayName());
      reloadDraft(form.draftId());
    }
    showPosted(values);
  }

  private void saveWithUploads(boolean advance) throws IOException {
    draftFiles = null;
    ObjectNode values = postedValues();
    Map<String, Part> chosen = chosenFiles();
    List<Problem> problems = new ArrayList<>();
    List<String> stored = new ArrayList<>();
    if (form.draftId() != null && !chosen.isEmpty()) {
      uploadAll(form.draftId(), chosen, problems, stored);
      chosen.clear();
      reloadDraft(form.draftId());
    }
    withSavedFileIds(values);
    int nextStep = advance ? Math.max(form.currentStep(), stepIndex + 1) : form.currentStep();
    StepOutcome outcome = journey.saveStep(
        form.draftId(), form.municipalitySlug(), form.service().serviceKey(), form.service().versionId(),
        stepIndex, values, nextStep);
    if (!outcome.isSaved()) {
      if (!chosen.isEmpty()) {
        // No draft yet to put the file into; the citizen chooses it again once the step is right.
        chosen.keySet().forEach(key -> problems.add(Problem.of(key, "upload.error.notSaved")));
      }
      showPosted(values);
      List<Problem> all = new ArrayList<>(outcome.problems());
      all.addAll(problems);
      showProblems(all);
      return;
    }
    if (!chosen.isEmpty()) {
      uploadAll(outcome.draftId(), chosen, problems, stored);
    }
    reloadDraft(outcome.draftId());
    if (problems.isEmpty()) {
      problems.addAll(missingRequiredFiles());
    }
    if (problems.isEmpty()) {
      redirect("draft=" + outcome.draftId() + "&step=" + (advance ? stepIndex + 1 : stepIndex));
      return;
    }
    if (!stored.isEmpty()) {
      uploadMessage = text("upload.stored", String.join(", ", stored));
    }
    showPosted(values);
    showProblems(problems);
  }

  /** Uploads each chosen file into the draft and adds it to its field's answer; refusals become problems. */
  private void uploadAll(UUID draftId, Map<String, Part> chosen, List<Problem> problems, List<String> stored) {
    String subject = sessionUser.getUser().subject();
    for (Map.Entry<String, Part> entry : chosen.entrySet()) {
      String key = entry.getKey();
      Part part = entry.getValue();
      UploadOutcome outcome;
      try (InputStream in = part.getInputStream()) {
        outcome = attachments.upload(subject, form.municipalityId(), draftId, part.getSubmittedFileName(), in,
            form.service().form().attachments());
      } catch (IOException e) {
        problems.add(Problem.of(key, "attachment.error.storageUnavailable"));
        continue;
      } finally {
        deleteQuietly(part);
      }
      if (outcome.isStored()) {
        problems.addAll(journey.attach(draftId, key, outcome.getStored().id()));
        stored.add(outcome.getStored().displayName());
      } else {
        problems.add(Problem.of(key, outcome.getProblem().messageKey(), outcome.getProblem().arguments().toArray()));
      }
    }
    draftFiles = null;
  }

  /** The files chosen in this step's file inputs ({@code a.<key>}), by field key; empty inputs are skipped. */
  private Map<String, Part> chosenFiles() {
    Map<String, Part> chosen = new LinkedHashMap<>();
    Object request = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    if (!(request instanceof HttpServletRequest http) || http.getContentType() == null
        || !http.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return chosen;
    }
    for (FieldDefinition field : currentStep().fields()) {
      if (field.type() != FieldType.FILE) {
        continue;
      }
      try {
        Part part = http.getPart(StepValues.PREFIX + field.key());
        String name = part == null ? null : part.getSubmittedFileName();
        if (part != null && name != null && !name.isEmpty()) {
          chosen.put(field.key(), part);
        }
      } catch (IOException | ServletException | IllegalStateException e) {
        // Larger than the servlet's multipart limit: the same answer as the service's size check.
        chosen.remove(field.key());
      }
    }
    return chosen;
  }

  /** The file fields of this step take their answers from the draft, never from the post. */
  private void withSavedFileIds(ObjectNode values) {
    ObjectNode saved = read(form.answersJson());
    for (FieldDefinition field : currentStep().fields()) {
      if (field.type() == FieldType.FILE) {
        JsonNode ids = saved.get(field.key());
        if (ids != null && !ids.isNull()) {
          values.set(field.key(), ids.deepCopy());
        } else {
          values.remove(field.key());
        }
      }
    }
  }

  /** Required file fields shown on this step that still hold no file. */
  private List<Problem> missingRequiredFiles() {
    List<Problem> problems = new ArrayList<>();
    JsonNode answers = read(form.answersJson());
    Set<String> visible = Visibility.visibleFields(form.service().form(), answers);
    for (FieldDefinition field : currentStep().fields()) {
      JsonNode ids = answers.get(field.key());
      if (field.type() == FieldType.FILE && field.required() && visible.contains(field.key())
          && (ids == null || !ids.isArray() || ids.isEmpty())) {
        problems.add(Problem.of(field.key(), "catalogue.answer.required"));
      }
    }
    return problems;
  }

  private void reloadDraft(UUID draftId) {
    journey.draft(draftId).ifPresent(loaded -> form = loaded);
    draftFiles = null;
  }

  private static void deleteQuietly(Part part) {
    try {
      part.delete();
    } catch (IOException e) {
      // The container removes its temporary files at the end of the request anyway.
    }
  }

  /** "Zurück": to the previous step; what was typed on this one is not saved. */
  public void back() throws IOException {
    if (form.draftId() == null || stepIndex == 0) {
      return;
    }
    redirect("draft=" + form.draftId() + "&step=" + (stepIndex - 1));
  }

  /** "Aktualisieren": show the fields that fit the answers typed so far, without saving. */
  public void refresh() {
    showPosted(postedValues());
  }

  /** "Antrag absenden" on the review step. */
  public void submit() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    String key = faces.getExternalContext().getRequestParameterMap().get("idempotencyKey");
    if (key == null || form.draftId() == null) {
      pageMessage = text("application.submit.failed");
      return;
    }
    SubmissionOutcome outcome;
    try {
      outcome = journey.submit(form.draftId(), key, sessionUser.getUser().email(), sessionUser.getUser().displayName(),
          localeSelection.getLanguage());
    } catch (RuntimeException e) {
      // A concurrent duplicate may have won the race on the idempotency key: show its result.
      Optional<String> earlier = earlierSubmission(key);
      if (earlier.isEmpty()) {
        // Nothing was stored (one transaction), the draft is as it was: say so instead of an error page.
        LOG.log(Level.SEVERE, "Submission of draft " + form.draftId() + " failed", e);
        pageMessage = text("application.submit.unavailable");
        return;
      }
      outcome = null;
      confirm(earlier.get());
      return;
    }
    switch (outcome.result()) {
      case SUBMITTED -> confirm(outcome.reference().format());
      case INVALID -> {
        showProblems(outcome.problems());
        int first = outcome.firstStepWithProblem();
        pageMessage = first >= 0 ? text("application.submit.invalidStep", first + 1) : text("application.submit.invalid");
      }
      case NOT_FOUND -> pageMessage = text("application.submit.failed");
      case UNAVAILABLE -> pageMessage = text("application.submit.unavailable");
    }
  }

  /** The application a concurrent duplicate submitted with {@code key}; empty if none or unknown now. */
  private Optional<String> earlierSubmission(String key) {
    try {
      return journey.submittedWith(key).map(Object::toString);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void confirm(String reference) throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + "/citizen/submitted.xhtml?ref=" + StepUp.encode(reference));
  }

  private void redirect(String query) throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + PAGE + "?" + query);
  }

  private ObjectNode postedValues() {
    return StepValues.read(currentStep(), FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap());
  }

  /** What the citizen typed on this step, on top of the saved answers, with the fields that now fit. */
  private void showPosted(ObjectNode values) {
    withSavedFileIds(values);
    FormDefinition definition = form.service().form();
    shownAnswers = DraftAnswers.mergeStep(definition, read(form.answersJson()), currentStep(), values).toString();
    // Keep what was typed into fields that are hidden now out of the merge, but show the rest.
    errors.clear();
    summary.clear();
  }

  private void showProblems(List<Problem> problems) {
    Locale locale = localeSelection.getLocale();
    errors.clear();
    summary.clear();
    FormDefinition definition = form.service().form();
    for (Problem problem : problems) {
      String text = isWebMessage(problem.messageKey())
          ? text(problem.messageKey(), problem.args().toArray())
          : CatalogueMessages.format(problem, locale);
      errors.computeIfAbsent(problem.target(), k -> new ArrayList<>()).add(text);
      String fieldKey = problem.target().contains(".") ? problem.target().substring(0, problem.target().indexOf('.')) : problem.target();
      String label = definition.field(fieldKey).map(f -> f.label().in(locale)).orElse("");
      summary.add(label.isEmpty() ? text : label + ": " + text);
    }
  }

  /** Upload refusals and the form's own file messages live in the web bundle, not the catalogue's. */
  private static boolean isWebMessage(String key) {
    return key.startsWith("upload.") || key.startsWith("attachment.");
  }

  private List<AttachmentSummary> files() {
    if (draftFiles == null) {
      draftFiles = form == null || form.draftId() == null ? List.of() : journey.attachmentsOf(form.draftId());
    }
    return draftFiles;
  }

  /** The files attached to file field {@code fieldKey} of this draft, in the order of its answer. */
  public List<FileRow> filesOf(String fieldKey) {
    JsonNode ids = read(form.answersJson()).get(fieldKey);
    List<FileRow> rows = new ArrayList<>();
    if (ids == null || !ids.isArray()) {
      return rows;
    }
    Locale locale = localeSelection.getLocale();
    for (JsonNode id : ids) {
      files().stream().filter(f -> f.id().toString().equals(id.asText())).findFirst()
          .ifPresent(f -> rows.add(new FileRow(f.id().toString(), f.displayName(), UploadSizes.format(f.sizeBytes(), locale),
              readableType(f.contentType()))));
    }
    return rows;
  }

  /** "Erlaubt: PDF, JPEG; höchstens 5 Dateien mit je höchstens 10 MB." for the file fields' help. */
  public String getUploadRules() {
    var rules = form.service().form().attachments();
    String types = String.join(", ", rules.allowedContentTypes().stream().map(ApplyView::readableType).toList());
    return text("upload.rules", types, rules.maxCount(), rules.maxSizeBytes() / (1024 * 1024));
  }

  /** The accept attribute of the file inputs: a hint for the browser's picker, the server decides. */
  public String getUploadAccept() {
    return String.join(",", form.service().form().attachments().allowedContentTypes());
  }

  public String getUploadMessage() {
    return uploadMessage;
  }

  static String readableType(String contentType) {
    return contentType.substring(contentType.indexOf('/') + 1).replaceFirst("^x-", "").toUpperCase(Locale.ROOT);
  }

  private StepDefinition currentStep() {
    return form.service().form().steps().get(stepIndex);
  }

  // ---- what the page shows ----

  public boolean isReview() {
    return form != null && stepIndex >= form.service().form().steps().size();
  }

  public String getServiceTitle() {
    return form.service().title().in(localeSelection.getLocale());
  }

  public String getMunicipalityName() {
    return form.municipalityName();
  }

  public int getStepNumber() {
    return stepIndex + 1;
  }

  public int getStepCount() {
    return form.service().form().steps().size();
  }

  /** "Schritt 2 von 3", or the review's own line. */
  public String getProgressText() {
    return isReview() ? text("application.progress.review") : text("application.progress", getStepNumber(), getStepCount());
  }

  public int getStepIndex() {
    return stepIndex;
  }

  public String getStepTitle() {
    return isReview() ? text("application.review.title") : currentStep().title().in(localeSelection.getLocale());
  }

  public boolean isCanGoBack() {
    return form.draftId() != null && stepIndex > 0;
  }

  public String getDraftId() {
    return form.draftId() == null ? "" : form.draftId().toString();
  }

  /** The progress list: every step with its title, and whether it is done, current or still to come. */
  public List<ProgressItem> getProgress() {
    List<ProgressItem> items = new ArrayList<>();
    List<StepDefinition> steps = form.service().form().steps();
    Locale locale = localeSelection.getLocale();
    for (int i = 0; i <= steps.size(); i++) {
      String title = i < steps.size() ? steps.get(i).title().in(locale) : text("application.review.title");
      items.add(new ProgressItem(i + 1, title, i == stepIndex, i < stepIndex));
    }
    return items;
  }

  /** The visible fields of the current step. */
  public List<FieldView> getFields() {
    if (isReview()) {
      return List.of();
    }
    FormDefinition definition = form.service().form();
    JsonNode answers = read(shownAnswers);
    Set<String> visible = Visibility.visibleFields(definition, answers);
    Locale locale = localeSelection.getLocale();
    Map<String, String> words = Map.of(
        "yes", text("application.yes"), "no", text("application.no"),
        "street", text("application.address.street"), "houseNumber", text("application.address.houseNumber"),
        "postalCode", text("application.address.postalCode"), "city", text("application.address.city"));
    List<FieldView> fields = new ArrayList<>();
    for (FieldDefinition field : currentStep().fields()) {
      if (visible.contains(field.key())) {
        fields.add(new FieldView(field, answers.get(field.key()), locale, errors, words));
      }
    }
    return fields;
  }

  /** True if a field of this step decides whether another one on it is shown ("Aktualisieren" helps then). */
  public boolean isHasConditions() {
    if (isReview()) {
      return false;
    }
    Set<String> keys = new java.util.HashSet<>();
    currentStep().fields().forEach(f -> keys.add(f.key()));
    return currentStep().fields().stream().anyMatch(f -> f.visibleIf() != null && keys.contains(f.visibleIf().fieldKey()));
  }

  public List<String> getSummary() {
    return summary;
  }

  public boolean isHasErrors() {
    return !summary.isEmpty();
  }

  public List<String> getGeneralErrors() {
    return errors.getOrDefault("", List.of());
  }

  public String getPageMessage() {
    return pageMessage;
  }

  /** The review: every step with the answers of its visible fields, as labels and readable values. */
  public List<ReviewStep> getReviewSteps() {
    FormDefinition definition = form.service().form();
    JsonNode answers = read(form.answersJson());
    Set<String> visible = Visibility.visibleFields(definition, answers);
    Locale locale = localeSelection.getLocale();
    AnswerDisplay.YesNo words = new AnswerDisplay.YesNo(text("application.yes"), text("application.no"));
    List<ReviewStep> review = new ArrayList<>();
    List<StepDefinition> steps = definition.steps();
    for (int i = 0; i < steps.size(); i++) {
      List<ReviewRow> rows = new ArrayList<>();
      for (FieldDefinition field : steps.get(i).fields()) {
        if (!visible.contains(field.key())) {
          continue;
        }
        String shown = field.type() == FieldType.FILE
            ? String.join(", ", filesOf(field.key()).stream().map(FileRow::getName).toList())
            : AnswerDisplay.text(field, answers.get(field.key()), locale, words);
        rows.add(new ReviewRow(field.label().in(locale), shown.isEmpty() ? text("application.review.empty") : shown,
            errors.getOrDefault(field.key(), List.of())));
      }
      review.add(new ReviewStep(i, steps.get(i).title().in(locale), rows));
    }
    return review;
  }

  public String getFee() {
    return form.service().form().fee().evaluate(read(form.answersJson()))
        .map(money -> money.isZero() ? text("application.fee.none") : money.format(localeSelection.getLocale()))
        .orElse(text("application.fee.unknown"));
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  private String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return java.text.MessageFormat.format(msg.getString(key), args);
  }

  private static Optional<UUID> parseUuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode read(String json) {
    try {
      JsonNode node = JSON.readTree(json == null ? "{}" : json);
      return node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
    } catch (Exception e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }

  // ---- view parameters ----

  public String getM() {
    return m;
  }

  public void setM(String m) {
    this.m = m;
  }

  public String getS() {
    return s;
  }

  public void setS(String s) {
    this.s = s;
  }

  public String getDraft() {
    return draft;
  }

  public void setDraft(String draft) {
    this.draft = draft;
  }

  public String getStep() {
    return step;
  }

  public void setStep(String step) {
    this.step = step;
  }

  /** One attached file as the form lists it. */
  public record FileRow(String id, String name, String size, String type) implements Serializable {
    public String getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getSize() {
      return size;
    }

    public String getType() {
      return type;
    }
  }

  /** One entry of the progress list. */
  public record ProgressItem(int number, String title, boolean current, boolean done) implements Serializable {
    public int getNumber() {
      return number;
    }

    public String getTitle() {
      return title;
    }

    public boolean isCurrent() {
      return current;
    }

    public boolean isDone() {
      return done;
    }
  }

  /** One step on the review page. */
  public record ReviewStep(int index, String title, List<ReviewRow> rows) implements Serializable {
    public int getIndex() {
      return index;
    }

    public String getTitle() {
      return title;
    }

    public List<ReviewRow> getRows() {
      return rows;
    }
  }

  /** One answer on the review page. */
  public record ReviewRow(String label, String value, List<String> errors) implements Serializable {
    public String getLabel() {
      return label;
    }

    public String getValue() {
      return value;
    }

    public List<String> getErrors() {
      return errors;
    }
  }
}
