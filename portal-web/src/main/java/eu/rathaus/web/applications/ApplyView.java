package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationForm;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.PrefillFacts;
import eu.rathaus.applications.application.StepWithFiles;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.applications.domain.DraftAnswers;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.identity.OidcUserMapper;
import eu.rathaus.registers.residents.application.EidLink;
import eu.rathaus.registers.residents.application.OwnRecord;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.web.session.SessionUser;
import eu.rathaus.web.session.StepUp;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backing bean of {@code citizen/apply.xhtml}, the multi-step form renderer.
 *
 * <p>The draft in the database is the state of the journey, not this bean: every "Weiter" saves the
 * step and redirects (post/redirect/get) to {@code apply.xhtml?draft=…&step=…}, so the back button,
 * a reload or a new session all land on a page built from what is stored. Only a step that failed
 * validation or an "Aktualisieren" (conditional fields without JavaScript) stays on the posted
 * view, showing what the citizen typed.
 *
 * <p>This class holds the actions (the buttons); what the page reads is in {@link ApplyPage}.
 */
@Named
@ViewScoped
public class ApplyView extends ApplyPage {

  private static final Logger LOG = Logger.getLogger(ApplyView.class.getName());

  private static final long serialVersionUID = 1L;

  @Inject SessionUser sessionUser;
  @Inject StepWithFiles stepWithFiles;
  private boolean registerUnavailable;
  @Inject OwnRecord ownRecord;
  @Inject EidLink eidLink;

  /** f:viewAction on the GET: load the form, check the level of assurance, pick the step. */
  public void init() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    Optional<ApplicationForm> loaded;
    if (draft != null) {
      // The draft and its files in one transaction: the page shows the files of file fields and
      // on the review.
      Optional<ApplicationJourney.DraftWithFiles> read =
          ApplyNavigation.parseUuid(draft).flatMap(journey::draftWithFiles);
      loaded = read.map(ApplicationJourney.DraftWithFiles::form);
      draftFiles = read.map(ApplicationJourney.DraftWithFiles::files).orElse(null);
    } else {
      loaded = journey.newForm(municipality, service);
    }
    if (loaded.isEmpty()) {
      external.responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
      faces.responseComplete();
      return;
    }
    form = loaded.get();
    String here = ApplyNavigation.here(draft, municipality, service);
    Optional<StepUp.LevelGap> gap =
        StepUp.levelGap(
            sessionUser.getUser(),
            form.service().form().levelOfAssurance(),
            external.getSessionMap().get(StepUp.ATTEMPTED),
            external.getRequestContextPath(),
            here);
    if (gap.isPresent()) {
      if (gap.get().explain()) {
        external.redirect(gap.get().explanationPage());
      } else {
        StepUp.begin(
            (jakarta.servlet.http.HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            gap.get().required(),
            here);
      }
      faces.responseComplete();
      return;
    }
    stepIndex = ApplyNavigation.stepToShow(step, form.currentStep(), getStepCount());
    prefill(external);
    shownAnswers = Prefilling.withPrefill(form.answersJson(), prefilled());
    String typed = ApplyNavigation.takeTyped(sessionMap(), form.draftId(), stepIndex);
    if (typed != null && !isReview()) {
      showPosted(read(typed));
    }
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
    Optional<UUID> id = ApplyNavigation.parseUuid(attachmentId);
    Optional<AttachmentSummary> file =
        id.flatMap(i -> files().stream().filter(f -> f.id().equals(i)).findFirst());
    if (form.draftId() != null
        && file.isPresent()
        && journey.detach(form.draftId(), file.get().id())) {
      uploadMessage = text("upload.removed", file.get().displayName());
      reloadDraft(form.draftId());
    }
    showPosted(values);
  }

  private void saveWithUploads(boolean advance) throws IOException {
    ObjectNode values = postedValues();
    Map<String, Part> chosen =
        StepValues.chosenFiles(
            currentStep(), FacesContext.getCurrentInstance().getExternalContext().getRequest());
    List<StepWithFiles.ChosenFile> files = new ArrayList<>();
    chosen.forEach(
        (key, part) ->
            files.add(
                new StepWithFiles.ChosenFile(
                    key, part.getSubmittedFileName(), part::getInputStream)));
    StepWithFiles.Outcome outcome;
    try {
      outcome = stepWithFiles.save(form, stepIndex, values, advance, files);
    } finally {
      chosen.values().forEach(ApplyView::deleteQuietly);
    }
    if (outcome.isComplete()) {
      // The next page reads the draft again (post/redirect/get); nothing to reload here.
      redirect(ApplyNavigation.stepQuery(outcome.draftId(), advance ? stepIndex + 1 : stepIndex));
      return;
    }
    if (outcome.draftId() != null) {
      reloadDraft(outcome.draftId());
    }
    if (outcome.saved() && !outcome.storedFiles().isEmpty()) {
      uploadMessage = text("upload.stored", String.join(", ", outcome.storedFiles()));
    }
    showPosted(values);
    showProblems(outcome.problems());
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

  /**
   * "Zurück": to the previous step, keeping what was typed on this one. It is saved if the step
   * passes (files are not taken on the way back); if it does not, its problems must not stand in
   * the way back, so the typed values wait in the session until this step is shown again.
   */
  public void back() throws IOException {
    if (form.draftId() == null || stepIndex == 0) {
      return;
    }
    if (!isReview()) {
      ObjectNode values = postedValues();
      boolean saved = stepWithFiles.save(form, stepIndex, values, false, List.of()).saved();
      ApplyNavigation.takeTyped(sessionMap(), form.draftId(), stepIndex);
      if (!saved) {
        ApplyNavigation.keepTyped(sessionMap(), form.draftId(), stepIndex, values.toString());
      }
    }
    redirect(ApplyNavigation.stepQuery(form.draftId(), stepIndex - 1));
  }

  private static Map<String, Object> sessionMap() {
    return FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
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
    SubmitReply reply;
    if (sessionUser.getUser().levelOfAssurance() != null) {
      // The register record a change of address names (the eID's pseudonym, not the subject).
      eidLink.set(sessionUser.getUser().username());
    }
    try {
      SubmissionOutcome outcome =
          journey.submit(
              form.draftId(),
              key,
              sessionUser.getUser().email(),
              sessionUser.getUser().displayName(),
              localeSelection.getLanguage(),
              new PrefillFacts(
                  OidcUserMapper.eidFacts(faces.getExternalContext().getUserPrincipal()),
                  sessionUser.getUser().username()));
      if (!outcome.problems().isEmpty()) {
        showProblems(outcome.problems());
      }
      reply = SubmitReply.of(outcome);
    } catch (RuntimeException e) {
      Optional<String> earlier = earlierSubmission(key);
      if (earlier.isEmpty()) {
        LOG.log(Level.SEVERE, "Submission of draft " + form.draftId() + " failed", e);
      }
      reply = SubmitReply.afterFailure(earlier);
    }
    if (reply.confirmed()) {
      ExternalContext external = faces.getExternalContext();
      external.redirect(
          external.getRequestContextPath()
              + "/citizen/submitted.xhtml?ref="
              + StepUp.encode(reply.reference()));
    } else {
      pageMessage = text(reply.messageKey(), reply.args());
    }
  }

  /**
   * The application a concurrent duplicate submitted with {@code key}; empty if none or unknown
   * now.
   */
  private Optional<String> earlierSubmission(String key) {
    try {
      return journey.submittedWith(key).map(Object::toString);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void redirect(String query) throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + ApplyNavigation.PAGE + "?" + query);
  }

  private ObjectNode postedValues() {
    ObjectNode values =
        StepValues.read(
            currentStep(),
            FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap());
    if (!isReview()) {
      Prefilling.keepLocked(currentStep(), values, prefilled());
    }
    return values;
  }

  /**
   * The values the form's prefill sources give this citizen (issue 13): the eID's facts from the ID
   * token, her own register record (read, audited, only if a field asks for it).
   */
  /** True if the register could not be read for the prefill (the page says so). */
  public boolean isRegisterUnavailable() {
    return registerUnavailable;
  }

  private void prefill(ExternalContext external) {
    FormDefinition definition = form.service().form();
    if (definition.fields().stream().noneMatch(f -> f.prefill() != null)) {
      prefilledJson = "{}";
      return;
    }
    java.security.Principal principal =
        ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getUserPrincipal();
    Optional<Resident> own = Optional.empty();
    registerUnavailable = false;
    if (Prefilling.needsRegister(definition) && sessionUser.getUser() != null) {
      try {
        own =
            ownRecord.read(
                form.municipalityId(),
                sessionUser.getUser().username(),
                "prefill " + form.service().serviceKey());
      } catch (RegisterUnavailable e) {
        // An external register service that is away: the form still opens, without its values.
        java.util.logging.Logger.getLogger(ApplyView.class.getName())
            .log(
                java.util.logging.Level.WARNING,
                "Prefill without the register: {0}",
                e.getMessage());
        registerUnavailable = true;
      }
    }
    prefilledJson =
        Prefilling.values(definition, OidcUserMapper.eidFacts(principal), own).toString();
  }

  /**
   * What the citizen typed on this step, on top of the saved answers, with the fields that now fit.
   */
  private void showPosted(ObjectNode values) {
    StepWithFiles.withSavedFileIds(currentStep(), form.answersJson(), values);
    FormDefinition definition = form.service().form();
    shownAnswers =
        DraftAnswers.mergeStep(definition, read(form.answersJson()), currentStep(), values)
            .toString();
    // Keep what was typed into fields that are hidden now out of the merge, but show the rest.
    errors.clear();
    summary.clear();
  }

  private void showProblems(List<Problem> problems) {
    ApplyDisplay.problems(
        form.service().form(), problems, localeSelection.getLocale(), errors, summary);
  }
}
