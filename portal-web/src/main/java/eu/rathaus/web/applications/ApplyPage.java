package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationForm;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.domain.AnswerSheet;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.web.applications.ApplyRows.FileRow;
import eu.rathaus.web.applications.ApplyRows.ProgressItem;
import eu.rathaus.web.applications.ApplyRows.ReviewStep;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code citizen/apply.xhtml} shows: the state of one view of the journey and the getters the
 * page reads. {@link ApplyView}, the named bean, adds what the buttons do; the two are split so
 * each stays readable, the decisions themselves live in {@link ApplyDisplay}, {@link
 * ApplyNavigation} and {@link ApplyReview}.
 */
public abstract class ApplyPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ApplicationJourney journey;
  @Inject LocaleSelection localeSelection;

  // view parameters
  String municipality;
  String service;
  String draft;
  String step;

  ApplicationForm form;
  int stepIndex;
  String shownAnswers = "{}";

  /** Field key → the value its prefill source gave (issue 13), as JSON; "{}" without prefill. */
  String prefilledJson = "{}";

  final Map<String, List<String>> errors = new LinkedHashMap<>();
  final List<String> summary = new ArrayList<>();
  String idempotencyKey;
  String pageMessage;
  String uploadMessage;

  /** The draft's files, read once per request (reset by every action). */
  transient List<AttachmentSummary> draftFiles;

  List<AttachmentSummary> files() {
    if (draftFiles == null) {
      draftFiles =
          form == null || form.draftId() == null
              ? List.of()
              : journey.attachmentsOf(form.draftId());
    }
    return draftFiles;
  }

  /**
   * The files attached to file field {@code fieldKey} of this draft, in the order of its answer.
   */
  public List<FileRow> filesOf(String fieldKey) {
    return ApplyDisplay.files(
        read(form.answersJson()).get(fieldKey), files(), localeSelection.getLocale());
  }

  public String getUploadRules() {
    return ApplyDisplay.uploadRules(form.service().form().attachments());
  }

  /**
   * The accept attribute of the file inputs: a hint for the browser's picker, the server decides.
   */
  public String getUploadAccept() {
    return String.join(",", form.service().form().attachments().allowedContentTypes());
  }

  public String getUploadMessage() {
    return uploadMessage;
  }

  StepDefinition currentStep() {
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
    return isReview()
        ? text("application.progress.review")
        : text("application.progress", getStepNumber(), getStepCount());
  }

  public int getStepIndex() {
    return stepIndex;
  }

  public String getStepTitle() {
    return isReview()
        ? text("application.review.title")
        : currentStep().title().in(localeSelection.getLocale());
  }

  public boolean isCanGoBack() {
    return form.draftId() != null && stepIndex > 0;
  }

  public String getDraftId() {
    return form.draftId() == null ? "" : form.draftId().toString();
  }

  public List<ProgressItem> getProgress() {
    return ApplyDisplay.progress(form.service().form(), stepIndex, localeSelection.getLocale());
  }

  /** The visible fields of the current step. */
  public List<FieldView> getFields() {
    return isReview()
        ? List.of()
        : ApplyDisplay.fields(
            form.service().form(),
            currentStep(),
            shownAnswers,
            localeSelection.getLocale(),
            errors,
            prefilled());
  }

  com.fasterxml.jackson.databind.node.ObjectNode prefilled() {
    return Prefilling.read(prefilledJson);
  }

  /**
   * True if a field of this step decides whether another one on it is shown ("Aktualisieren" helps
   * then).
   */
  public boolean isHasConditions() {
    return !isReview() && ApplyDisplay.hasConditions(currentStep());
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

  /**
   * The review: every step with the answers of its visible fields, as labels and readable values.
   */
  public List<ReviewStep> getReviewSteps() {
    AnswerSheet.Words words =
        new AnswerSheet.Words(
            text("application.yes"), text("application.no"), text("application.review.empty"));
    return ApplyReview.steps(
        form.service().form(),
        read(form.answersJson()),
        files(),
        localeSelection.getLocale(),
        words,
        errors);
  }

  public String getFee() {
    return ApplyReview.fee(
        form.service().form(),
        read(form.answersJson()),
        localeSelection.getLocale(),
        key -> text(key));
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  static String text(String key, Object... args) {
    return ApplyDisplay.text(key, args);
  }

  static ObjectNode read(String json) {
    return ApplyDisplay.read(json);
  }

  // ---- view parameters (m and s in the URL: municipality slug and service key) ----

  public String getMunicipality() {
    return municipality;
  }

  public void setMunicipality(String municipality) {
    this.municipality = municipality;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
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
}
