package eu.rathaus.web.municipal;

import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.FieldInput;
import eu.rathaus.catalogue.application.FormDocumentEditor;
import eu.rathaus.catalogue.application.FormDocumentEditor.Edit;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.application.SettingsInput;
import eu.rathaus.catalogue.application.StepInput;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.web.catalogue.CatalogueTexts;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Backing bean of {@code municipal/builder.xhtml}, the form builder for one service's draft.
 *
 * <p>Every action asks {@link FormDocumentEditor} for a changed copy of the draft's JSON document,
 * hands it to {@link ServiceAdministration#saveDraft} (which runs {@code FormDefinitionValidator})
 * and keeps it only if it was stored. A refused change leaves the saved draft as it was and puts
 * each problem next to the input it concerns; what the administrator typed stays in the inputs to
 * be corrected.
 */
@Named
@ViewScoped
public class BuilderView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ServiceAdministration administration;
  @Inject LocaleSelection localeSelection;

  private String definition;
  private UUID definitionId;
  private ServiceAdministration.Draft draft;
  private boolean missing;
  private boolean noDraft;
  private String formJson;
  // The document parsed for the page, kept until formJson changes: list, preview and fee share it.
  private transient FormDefinition parsed;
  private transient String parsedFrom;

  // Step editor: stepIndex null = a new step (which needs its first field, a step is never empty).
  private Integer stepIndex;
  private StepInput step = new StepInput();
  // Field editor: fieldIndex null = a new field appended to step fieldStep.
  private String fieldStep = "0";
  private Integer fieldIndex;
  private FieldInput field = new FieldInput();
  private SettingsInput settings = new SettingsInput();

  /** Loads the open draft on GET; an unknown or foreign id is answered like any unknown page. */
  public void init() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    try {
      definitionId = UUID.fromString(definition == null ? "" : definition);
    } catch (IllegalArgumentException e) {
      notFound();
      return;
    }
    reload();
  }

  private void reload() {
    Optional<ServiceAdministration.Draft> open;
    try {
      open = administration.findDraft(definitionId);
    } catch (RuntimeException e) {
      open = Optional.empty();
    }
    if (open.isEmpty()) {
      // Either a published service without draft, or nothing of ours: tell them apart via the list.
      boolean ours = administration.overview().stream().anyMatch(r -> r.id().equals(definitionId));
      if (!ours) {
        notFound();
        return;
      }
      noDraft = true;
      draft = null;
      formJson = null;
      return;
    }
    noDraft = false;
    draft = open.get();
    formJson = draft.formJson();
    settings = FormDocumentEditor.readSettings(formJson);
  }

  private void notFound() {
    missing = true;
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(404, "Not found");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /** "Neuen Entwurf öffnen": a draft copied from the published version. */
  public void openDraft() {
    administration.openDraft(definitionId);
    reload();
  }

  public String publish() {
    CatalogueOutcome outcome = administration.publish(draft.versionId());
    if (!outcome.isDone()) {
      outcome.problems().forEach(p -> ProblemTexts.error(null, ProblemTexts.text(p)));
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    ProblemTexts.info(ProblemTexts.text("builder.published"));
    return "/municipal/services.xhtml?faces-redirect=true";
  }

  // ---- steps ----------------------------------------------------------------------------------

  public void newStep() {
    stepIndex = null;
    step = new StepInput();
  }

  public void editStep(int index) {
    step = FormDocumentEditor.readStep(formJson, index);
    stepIndex = index;
  }

  public void saveStep() {
    if (save(FormDocumentEditor.saveStep(formJson, stepIndex, step), "step-editor:")) {
      newStep();
    }
  }

  public void moveStep(int index, int delta) {
    FormDocumentEditor.moveStep(formJson, index, delta).ifPresent(edit -> save(edit, ""));
  }

  public void removeStep(int index) {
    if (save(FormDocumentEditor.removeStep(formJson, index), "")) {
      newStep();
      newField();
    }
  }

  // ---- fields ---------------------------------------------------------------------------------

  public void newField() {
    fieldIndex = null;
    field = new FieldInput();
  }

  /** "Feld hinzufügen" in a step's list: an empty editor aimed at that step. */
  public void addFieldTo(int stepIndex) {
    newField();
    fieldStep = String.valueOf(stepIndex);
  }

  public void editField(int stepIndex, int index) {
    field = FormDocumentEditor.readField(formJson, stepIndex, index);
    fieldStep = String.valueOf(stepIndex);
    fieldIndex = index;
  }

  public void saveField() {
    if (save(
        FormDocumentEditor.saveField(formJson, fieldStep, fieldIndex, field), "field-editor:")) {
      // The step stays chosen for the next field.
      String chosen = String.valueOf(Integer.parseInt(fieldStep));
      newField();
      fieldStep = chosen;
    }
  }

  public void moveField(int stepIndex, int index, int delta) {
    FormDocumentEditor.moveField(formJson, stepIndex, index, delta)
        .ifPresent(edit -> save(edit, ""));
  }

  public void removeField(int stepIndex, int index) {
    if (save(FormDocumentEditor.removeField(formJson, stepIndex, index), "")) {
      newField();
    }
  }

  public void saveSettings() {
    save(FormDocumentEditor.saveSettings(formJson, settings), "settings:");
  }

  /**
   * Stores the edited document as the draft if the validator accepts it; otherwise puts every
   * problem at the input the edit names (within the form {@code form}, or at the top of the page)
   * and keeps the saved draft. Inputs that could not be read are shown without trying to save.
   */
  private boolean save(Edit edit, String form) {
    if (!edit.isReady()) {
      edit.inputProblems()
          .forEach(p -> ProblemTexts.error(form + p.target(), ProblemTexts.text(p)));
      return false;
    }
    CatalogueOutcome outcome = administration.saveDraft(draft.versionId(), edit.json());
    if (outcome.isDone()) {
      formJson =
          administration
              .findDraft(definitionId)
              .map(ServiceAdministration.Draft::formJson)
              .orElse(edit.json());
      ProblemTexts.info(ProblemTexts.text("builder.saved"));
      return true;
    }
    ProblemTexts.error(null, ProblemTexts.text("builder.notSaved"));
    for (Problem p : outcome.problems()) {
      String input = edit.inputFor().apply(p);
      ProblemTexts.error(input == null ? null : form + input, ProblemTexts.text(p));
    }
    return false;
  }

  private FormDefinition parsed() {
    if (parsed == null || !formJson.equals(parsedFrom)) {
      parsed = FormDefinitionValidator.readTrusted(formJson);
      parsedFrom = formJson;
    }
    return parsed;
  }

  // ---- what the page shows --------------------------------------------------------------------

  public List<BuilderRows.StepRow> getSteps() {
    return formJson == null ? List.of() : BuilderRows.steps(parsed(), localeSelection.getLocale());
  }

  public List<BuilderRows.PreviewStep> getPreview() {
    return formJson == null
        ? List.of()
        : BuilderRows.preview(parsed(), localeSelection.getLocale());
  }

  public String getFee() {
    return formJson == null
        ? ""
        : String.join("; ", new CatalogueTexts(localeSelection.getLocale()).feeLines(parsed()));
  }

  public List<SelectItem> getTypes() {
    return Arrays.stream(FieldType.values())
        .map(t -> new SelectItem(t.jsonName(), ProblemTexts.text("builder.type." + t.jsonName())))
        .toList();
  }

  public List<SelectItem> getStepChoices() {
    List<SelectItem> items = new ArrayList<>();
    for (BuilderRows.StepRow row : getSteps()) {
      items.add(
          new SelectItem(String.valueOf(row.index()), (row.index() + 1) + ". " + row.title()));
    }
    return items;
  }

  public boolean isMissing() {
    return missing;
  }

  public boolean isNoDraft() {
    return noDraft;
  }

  public boolean isHasDraft() {
    return draft != null;
  }

  public String getServiceTitle() {
    return draft == null ? "" : draft.title().in(localeSelection.getLocale());
  }

  public String getServiceKey() {
    return draft == null ? "" : draft.serviceKey();
  }

  public int getVersionNumber() {
    return draft == null ? 0 : draft.number();
  }

  public boolean isEditingStep() {
    return stepIndex != null;
  }

  public boolean isEditingField() {
    return fieldIndex != null;
  }

  // ---- the editors' inputs --------------------------------------------------------------------

  public String getDefinition() {
    return definition;
  }

  public void setDefinition(String definition) {
    this.definition = definition;
  }

  public StepInput getStep() {
    return step;
  }

  public FieldInput getField() {
    return field;
  }

  public SettingsInput getSettings() {
    return settings;
  }

  public String getFieldStep() {
    return fieldStep;
  }

  public void setFieldStep(String v) {
    fieldStep = v;
  }
}
