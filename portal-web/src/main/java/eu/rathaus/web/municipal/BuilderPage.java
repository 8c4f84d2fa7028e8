package eu.rathaus.web.municipal;

import eu.rathaus.catalogue.application.FieldInput;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.application.SettingsInput;
import eu.rathaus.catalogue.application.StepInput;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.Prefill;
import eu.rathaus.web.catalogue.CatalogueTexts;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What {@code municipal/builder.xhtml} shows: the state of one view of the form builder (the draft,
 * the editors' inputs) and the getters the page reads. {@link BuilderView}, the named bean, adds
 * what the buttons do; the edits themselves live in {@code FormDocumentEditor}, the rows in {@link
 * BuilderRows}.
 */
public abstract class BuilderPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ServiceAdministration administration;
  @Inject LocaleSelection localeSelection;

  String definition;
  UUID definitionId;
  ServiceAdministration.Draft draft;
  boolean missing;
  boolean noDraft;
  String formJson;
  // The document parsed for the page, kept until formJson changes: list, preview and fee share it.
  transient FormDefinition parsed;
  transient String parsedFrom;

  // Step editor: stepIndex null = a new step (which needs its first field, a step is never empty).
  Integer stepIndex;
  StepInput step = new StepInput();
  // Field editor: fieldIndex null = a new field appended to step fieldStep.
  String fieldStep = "0";
  Integer fieldIndex;
  FieldInput field = new FieldInput();
  SettingsInput settings = new SettingsInput();
  ServiceTextsInput texts = new ServiceTextsInput();
  String targetStep;
  // What a FIM import just reported as not represented (handed over from the services page).
  ArrayList<String> fimNotes = new ArrayList<>();

  FormDefinition parsed() {
    if (parsed == null || !formJson.equals(parsedFrom)) {
      parsed = FormDefinitionValidator.readTrusted(formJson);
      parsedFrom = formJson;
    }
    return parsed;
  }

  // ---- what the page shows --------------------------------------------------------------------

  /** The notes of the FIM import that created this draft, shown until the page is left. */
  public List<String> getFimNotes() {
    return fimNotes;
  }

  public String getFimNotesHeading() {
    return ProblemTexts.text("builder.fim.notes.heading", fimNotes.size());
  }

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
    return BuilderRows.typeChoices(t -> ProblemTexts.text("builder.type." + t));
  }

  /** The sources a field can be prefilled from, with "none" first (issue 13). */
  public List<SelectItem> getPrefillSources() {
    List<SelectItem> items = new ArrayList<>();
    items.add(new SelectItem("", ProblemTexts.text("builder.prefill.none")));
    for (Prefill.Source source : Prefill.Source.values()) {
      items.add(new SelectItem(source.key(), ProblemTexts.text("prefill.source." + source.key())));
    }
    return items;
  }

  public List<SelectItem> getStepChoices() {
    return BuilderRows.stepChoices(getSteps());
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

  public ServiceTextsInput getTexts() {
    return texts;
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

  public String getTargetStep() {
    return targetStep;
  }

  public void setTargetStep(String v) {
    targetStep = v;
  }
}
