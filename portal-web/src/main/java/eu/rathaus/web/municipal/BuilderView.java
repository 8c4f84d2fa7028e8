package eu.rathaus.web.municipal;

import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.FieldInput;
import eu.rathaus.catalogue.application.FormDocumentEditor;
import eu.rathaus.catalogue.application.FormDocumentEditor.Edit;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.application.StepInput;
import eu.rathaus.web.catalogue.NotFound;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
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
 *
 * <p>This class holds the actions (the buttons); what the page reads is in {@link BuilderPage}.
 */
@Named
@ViewScoped
public class BuilderView extends BuilderPage {

  private static final long serialVersionUID = 1L;

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
    Object notes =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getFlash()
            .get(ServicesAdminView.FIM_NOTES);
    if (notes instanceof List<?> list) {
      list.forEach(n -> fimNotes.add(String.valueOf(n)));
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
    texts = ServiceTextsInput.of(administration.texts(definitionId));
  }

  private void notFound() {
    missing = true;
    NotFound.send();
  }

  /** "Neuen Entwurf öffnen": a draft copied from the published version. */
  public void openDraft() {
    administration.openDraft(definitionId);
    reload();
  }

  /** "Beschreibung speichern": the catalogue texts, in effect at once (they are not versioned). */
  public void saveTexts() {
    CatalogueOutcome outcome =
        administration.describe(
            definitionId, texts.trimmedCategory(), texts.title(), texts.description());
    if (!outcome.isDone()) {
      outcome
          .problems()
          .forEach(p -> ProblemTexts.error("texts:" + p.target(), ProblemTexts.text(p)));
      return;
    }
    reload();
    ProblemTexts.info(ProblemTexts.text("builder.textsSaved"));
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

  /** "In Schritt verschieben" in the field editor: the edited field to the end of another step. */
  public void moveFieldToStep() {
    if (fieldIndex != null
        && save(
            FormDocumentEditor.moveFieldToStep(
                formJson, Integer.parseInt(fieldStep), fieldIndex, targetStep),
            "field-editor:")) {
      newField();
    }
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
    CatalogueOutcome outcome =
        edit.isReady() ? administration.saveDraft(draft.versionId(), edit.json()) : null;
    if (outcome == null || !outcome.isDone()) {
      ProblemTexts.refused(edit, outcome, form);
      return false;
    }
    formJson =
        administration
            .findDraft(definitionId)
            .map(ServiceAdministration.Draft::formJson)
            .orElse(edit.json());
    ProblemTexts.info(ProblemTexts.text("builder.saved"));
    return true;
  }
}
