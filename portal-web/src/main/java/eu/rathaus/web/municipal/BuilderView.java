package eu.rathaus.web.municipal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.catalogue.domain.Visibility;
import eu.rathaus.web.applications.FieldView;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Backing bean of {@code municipal/builder.xhtml}, the form builder for one service's draft.
 *
 * <p>The bean edits the draft's JSON document directly: every action builds a changed copy, hands
 * it to {@link ServiceAdministration#saveDraft} (which runs {@code FormDefinitionValidator}) and keeps
 * it only if it was stored. A refused change leaves the saved draft as it was and puts each problem
 * next to the input it concerns; what the administrator typed stays in the inputs to be corrected.
 * Working on the document rather than on the domain records keeps one format from builder to export
 * to import, and lets the validator stay the single judge of what a valid definition is.
 */
@Named
@ViewScoped
public class BuilderView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ServiceAdministration administration;
  @Inject LocaleSelection localeSelection;

  private String definition;
  private UUID definitionId;
  private ServiceAdministration.Draft draft;
  private boolean missing;
  private boolean noDraft;
  private String formJson;

  // Step editor: stepIndex null = a new step (which needs its first field, a step is never empty).
  private Integer stepIndex;
  private String stepKey;
  private String stepTitleDe;
  private String stepTitleEn;
  private String firstKey;
  private String firstLabelDe;
  private String firstLabelEn;
  private boolean firstRequired = true;

  // Field editor: fieldIndex null = a new field appended to step fieldStep.
  private String fieldStep = "0";
  private Integer fieldIndex;
  private String fKey;
  private String fType = "text";
  private String fLabelDe;
  private String fLabelEn;
  private boolean fRequired;
  private String fHelpDe;
  private String fHelpEn;
  private String fMinLength;
  private String fMaxLength;
  private String fMinValue;
  private String fMaxValue;
  private String fPattern;
  private String fChoices;
  private String fIfField;
  private String fIfValue;

  // Version settings.
  private String feeMode;
  private String feeEuros;
  private String feeField;
  private String feeAmounts;
  private String loa;
  private String days;
  private String attCount;
  private String attSizeKb;
  private String attTypes;
  private boolean decideBeforePayment;

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
    loadSettings();
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
    stepKey = stepTitleDe = stepTitleEn = firstKey = firstLabelDe = firstLabelEn = null;
    firstRequired = true;
  }

  public void editStep(int index) {
    JsonNode step = steps(tree()).get(index);
    stepIndex = index;
    stepKey = step.path("key").asText();
    stepTitleDe = step.path("title").path("de").asText();
    stepTitleEn = step.path("title").path("en").asText();
  }

  public void saveStep() {
    ObjectNode form = tree();
    ArrayNode steps = steps(form);
    int index;
    ObjectNode step;
    if (stepIndex == null) {
      step = steps.addObject();
      index = steps.size() - 1;
      ObjectNode first = step.putArray("fields").addObject();
      first.put("key", strip(firstKey)).put("type", "text");
      localized(first, "label", firstLabelDe, firstLabelEn);
      first.put("required", firstRequired);
    } else {
      index = stepIndex;
      step = (ObjectNode) steps.get(index);
    }
    step.put("key", strip(stepKey));
    localized(step, "title", stepTitleDe, stepTitleEn);
    // Keep the properties in the schema's order for a readable export.
    ObjectNode ordered = JSON.createObjectNode();
    ordered.set("key", step.get("key"));
    ordered.set("title", step.get("title"));
    ordered.set("fields", step.get("fields"));
    steps.set(index, ordered);
    boolean isNew = stepIndex == null;
    String stepKeyNow = strip(stepKey);
    String firstKeyNow = strip(firstKey);
    if (save(form, p -> {
      Optional<ProblemTexts.Location> at = ProblemTexts.location(p);
      if (at.isPresent() && at.get().step() == index) {
        if (at.get().field() < 0) {
          return at.get().property().equals("title") ? "step-editor:titleDe" : "step-editor:key";
        }
        if (isNew && at.get().field() == 0) {
          return at.get().property().equals("label") ? "step-editor:firstLabelDe" : "step-editor:firstKey";
        }
      }
      if (p.target().equals(stepKeyNow)) {
        return "step-editor:key";
      }
      if (isNew && p.target().equals(firstKeyNow)) {
        return "step-editor:firstKey";
      }
      return null;
    })) {
      newStep();
    }
  }

  public void moveStep(int index, int delta) {
    ObjectNode form = tree();
    ArrayNode steps = steps(form);
    int other = index + delta;
    if (other < 0 || other >= steps.size()) {
      return;
    }
    JsonNode a = steps.get(index);
    steps.set(index, steps.get(other));
    steps.set(other, a);
    save(form, p -> null);
  }

  public void removeStep(int index) {
    ObjectNode form = tree();
    steps(form).remove(index);
    if (save(form, p -> null)) {
      newStep();
      newField();
    }
  }

  // ---- fields ---------------------------------------------------------------------------------

  public void newField() {
    fieldIndex = null;
    fKey = fLabelDe = fLabelEn = fHelpDe = fHelpEn = fMinLength = fMaxLength = fMinValue = fMaxValue = fPattern = fChoices = null;
    fIfField = fIfValue = null;
    fType = "text";
    fRequired = false;
  }

  /** "Feld hinzufügen" in a step's list: an empty editor aimed at that step. */
  public void addFieldTo(int step) {
    newField();
    fieldStep = String.valueOf(step);
  }

  public void editField(int step, int index) {
    JsonNode f = steps(tree()).get(step).path("fields").get(index);
    fieldStep = String.valueOf(step);
    fieldIndex = index;
    fKey = f.path("key").asText();
    fType = f.path("type").asText();
    fLabelDe = f.path("label").path("de").asText();
    fLabelEn = f.path("label").path("en").asText();
    fRequired = f.path("required").asBoolean(false);
    fHelpDe = f.has("help") ? f.path("help").path("de").asText() : null;
    fHelpEn = f.has("help") ? f.path("help").path("en").asText() : null;
    fMinLength = text(f, "minLength");
    fMaxLength = text(f, "maxLength");
    fMinValue = text(f, "minValue");
    fMaxValue = text(f, "maxValue");
    fPattern = text(f, "pattern");
    StringBuilder choices = new StringBuilder();
    for (JsonNode c : f.path("choices")) {
      choices.append(c.path("key").asText()).append(" | ").append(c.path("label").path("de").asText())
          .append(" | ").append(c.path("label").path("en").asText()).append('\n');
    }
    fChoices = choices.isEmpty() ? null : choices.toString();
    fIfField = f.has("visibleIf") ? f.path("visibleIf").path("field").asText() : null;
    fIfValue = f.has("visibleIf") ? f.path("visibleIf").path("equals").asText() : null;
  }

  public void saveField() {
    ObjectNode form = tree();
    ArrayNode steps = steps(form);
    int step = parseIndex(fieldStep, steps.size());
    if (step < 0) {
      ProblemTexts.error("field-editor:step", ProblemTexts.text("builder.problem.chooseStep"));
      return;
    }
    ObjectNode field = JSON.createObjectNode();
    field.put("key", strip(fKey));
    field.put("type", fType);
    localized(field, "label", fLabelDe, fLabelEn);
    if (!blank(fHelpDe) || !blank(fHelpEn)) {
      localized(field, "help", fHelpDe, fHelpEn);
    }
    field.put("required", fRequired);
    boolean numbersOk = putInteger(field, "minLength", fMinLength, "field-editor:minLength")
        & putInteger(field, "maxLength", fMaxLength, "field-editor:maxLength")
        & putDecimal(field, "minValue", fMinValue, "field-editor:minValue")
        & putDecimal(field, "maxValue", fMaxValue, "field-editor:maxValue");
    if (!blank(fPattern)) {
      field.put("pattern", fPattern.strip());
    }
    if (!blank(fChoices)) {
      ArrayNode choices = field.putArray("choices");
      for (String line : fChoices.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\\|", -1);
        ObjectNode c = choices.addObject();
        c.put("key", parts[0].strip());
        localized(c, "label", parts.length > 1 ? parts[1] : parts[0], parts.length > 2 ? parts[2] : null);
      }
    }
    if (!blank(fIfField)) {
      field.putObject("visibleIf").put("field", fIfField.strip()).put("equals", fIfValue == null ? "" : fIfValue.strip());
    }
    if (!numbersOk) {
      return;
    }
    ArrayNode fields = (ArrayNode) steps.get(step).path("fields");
    int index;
    if (fieldIndex == null) {
      fields.add(field);
      index = fields.size() - 1;
    } else {
      index = fieldIndex;
      fields.set(index, field);
    }
    String key = strip(fKey);
    if (save(form, p -> fieldInput(p, step, index, key))) {
      newField();
      fieldStep = String.valueOf(step);
    }
  }

  private static String fieldInput(Problem p, int step, int index, String key) {
    Optional<ProblemTexts.Location> at = ProblemTexts.location(p);
    if (at.isPresent() && at.get().step() == step && at.get().field() == index) {
      return "field-editor:" + switch (at.get().property()) {
        case "key" -> "key";
        case "label" -> "labelDe";
        case "help" -> "helpDe";
        case "choices" -> "choices";
        case "visibleIf" -> "ifField";
        case "minLength", "maxLength", "minValue", "maxValue", "pattern" -> at.get().property();
        default -> "type";
      };
    }
    if (!p.target().isEmpty() && p.target().equals(key)) {
      return "field-editor:" + switch (p.messageKey()) {
        case "catalogue.definition.invalidPattern" -> "pattern";
        case "catalogue.definition.rangeInverted" -> "minLength";
        case "catalogue.definition.duplicateChoiceKey" -> "choices";
        case "catalogue.definition.conditionUnknownField", "catalogue.definition.conditionNotEarlier",
            "catalogue.definition.conditionNotBoolean", "catalogue.definition.conditionUnknownChoice",
            "catalogue.definition.conditionFieldType" -> "ifField";
        default -> "key";
      };
    }
    return null;
  }

  public void moveField(int step, int index, int delta) {
    ObjectNode form = tree();
    ArrayNode fields = (ArrayNode) steps(form).get(step).path("fields");
    int other = index + delta;
    if (other < 0 || other >= fields.size()) {
      return;
    }
    JsonNode a = fields.get(index);
    fields.set(index, fields.get(other));
    fields.set(other, a);
    save(form, p -> null);
  }

  public void removeField(int step, int index) {
    ObjectNode form = tree();
    ((ArrayNode) steps(form).get(step).path("fields")).remove(index);
    if (save(form, p -> null)) {
      newField();
    }
  }

  // ---- settings -------------------------------------------------------------------------------

  private void loadSettings() {
    ObjectNode form = tree();
    JsonNode fee = form.path("fee");
    feeMode = fee.path("type").asText("fixed");
    feeEuros = fee.has("amountCents") ? ServicesAdminView.Euros.fromCents(fee.path("amountCents").asLong()) : null;
    feeField = fee.has("field") ? fee.path("field").asText() : null;
    StringBuilder amounts = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> it = fee.path("amountsCents").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      amounts.append(e.getKey()).append(" = ").append(ServicesAdminView.Euros.fromCents(e.getValue().asLong())).append('\n');
    }
    feeAmounts = amounts.isEmpty() ? null : amounts.toString();
    loa = form.path("levelOfAssurance").asText("LOW");
    days = form.path("processingDays").asText();
    decideBeforePayment = form.path("decideBeforePayment").asBoolean(false);
    JsonNode att = form.path("attachments");
    attCount = att.has("maxCount") ? att.path("maxCount").asText() : null;
    attSizeKb = att.has("maxSizeBytes") ? String.valueOf(att.path("maxSizeBytes").asLong() / 1024) : null;
    List<String> types = new ArrayList<>();
    att.path("allowedContentTypes").forEach(t -> types.add(t.asText()));
    attTypes = types.isEmpty() ? null : String.join(", ", types);
  }

  public void saveSettings() {
    ObjectNode form = tree();
    boolean ok = true;
    ObjectNode fee = JSON.createObjectNode();
    if ("byChoice".equals(feeMode)) {
      fee.put("type", "byChoice").put("currency", "EUR").put("field", strip(feeField));
      ObjectNode amounts = fee.putObject("amountsCents");
      if (!blank(feeAmounts)) {
        for (String line : feeAmounts.split("\\R")) {
          if (line.isBlank()) {
            continue;
          }
          String[] parts = line.split("=", 2);
          Long cents = parts.length == 2 ? ServicesAdminView.Euros.toCents(parts[1]) : null;
          if (cents == null) {
            ProblemTexts.error("settings:feeAmounts", ProblemTexts.text("builder.problem.feeLine", line.strip()));
            ok = false;
          } else {
            amounts.put(parts[0].strip(), cents);
          }
        }
      }
    } else {
      Long cents = blank(feeEuros) ? Long.valueOf(0) : ServicesAdminView.Euros.toCents(feeEuros);
      if (cents == null) {
        ProblemTexts.error("settings:feeEuros", ProblemTexts.text("builder.problem.euros"));
        ok = false;
      }
      fee.put("type", "fixed").put("currency", "EUR").put("amountCents", cents == null ? 0 : cents);
    }
    form.set("fee", fee);
    form.put("levelOfAssurance", loa);
    ok &= putInteger(form, "processingDays", days, "settings:days");
    if (decideBeforePayment) {
      form.put("decideBeforePayment", true);
    } else {
      // false is the default: leave it out, so forms without the setting export unchanged.
      form.remove("decideBeforePayment");
    }
    if (blank(attCount)) {
      form.remove("attachments");
    } else {
      ObjectNode att = JSON.createObjectNode();
      ok &= putInteger(att, "maxCount", attCount, "settings:attCount");
      Long kb = parseLong(attSizeKb);
      if (kb == null) {
        ProblemTexts.error("settings:attSize", ProblemTexts.text("builder.problem.number"));
        ok = false;
      } else {
        att.put("maxSizeBytes", kb * 1024);
      }
      ArrayNode types = att.putArray("allowedContentTypes");
      if (!blank(attTypes)) {
        Arrays.stream(attTypes.split("[,\\s]+")).filter(t -> !t.isBlank()).forEach(t -> types.add(t.strip()));
      }
      form.set("attachments", att);
    }
    if (!ok) {
      return;
    }
    save(form, p -> {
      String t = p.target();
      if (t.contains("fee")) {
        return "byChoice".equals(feeMode) ? (t.contains("amounts") || p.messageKey().contains("Choice") ? "settings:feeAmounts" : "settings:feeField") : "settings:feeEuros";
      }
      if (t.contains("processingDays")) {
        return "settings:days";
      }
      if (t.contains("levelOfAssurance")) {
        return "settings:loa";
      }
      if (t.contains("attachments")) {
        return t.contains("maxSizeBytes") ? "settings:attSize" : t.contains("allowedContentTypes") ? "settings:attTypes" : "settings:attCount";
      }
      return null;
    });
  }

  // ---- saving ---------------------------------------------------------------------------------

  /**
   * Stores {@code candidate} as the draft if the validator accepts it; otherwise puts every problem
   * at the input {@code where} names (or at the top of the page) and keeps the saved draft.
   */
  private boolean save(ObjectNode candidate, Function<Problem, String> where) {
    CatalogueOutcome outcome = administration.saveDraft(draft.versionId(), candidate.toString());
    if (outcome.isDone()) {
      formJson = administration.findDraft(definitionId).map(ServiceAdministration.Draft::formJson).orElse(candidate.toString());
      ProblemTexts.info(ProblemTexts.text("builder.saved"));
      return true;
    }
    ProblemTexts.error(null, ProblemTexts.text("builder.notSaved"));
    for (Problem p : outcome.problems()) {
      ProblemTexts.error(where.apply(p), ProblemTexts.text(p));
    }
    return false;
  }

  private boolean putInteger(ObjectNode node, String name, String value, String clientId) {
    if (blank(value)) {
      node.remove(name);
      return true;
    }
    Long n = parseLong(value);
    if (n == null || n > Integer.MAX_VALUE) {
      ProblemTexts.error(clientId, ProblemTexts.text("builder.problem.number"));
      return false;
    }
    node.put(name, n.intValue());
    return true;
  }

  private boolean putDecimal(ObjectNode node, String name, String value, String clientId) {
    if (blank(value)) {
      return true;
    }
    try {
      node.put(name, new BigDecimal(value.strip().replace(',', '.')));
      return true;
    } catch (NumberFormatException e) {
      ProblemTexts.error(clientId, ProblemTexts.text("builder.problem.number"));
      return false;
    }
  }

  private static Long parseLong(String value) {
    if (value == null || !value.strip().matches("\\d{1,12}")) {
      return null;
    }
    return Long.valueOf(value.strip());
  }

  private static int parseIndex(String value, int size) {
    try {
      int i = Integer.parseInt(value);
      return i >= 0 && i < size ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void localized(ObjectNode node, String name, String de, String en) {
    String g = de == null ? "" : de.strip();
    String e = en == null || en.isBlank() ? g : en.strip();
    node.putObject(name).put("de", g).put("en", e);
  }

  private static String text(JsonNode node, String name) {
    return node.has(name) ? node.get(name).asText() : null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  private ObjectNode tree() {
    try {
      return (ObjectNode) JSON.readTree(formJson);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored draft is not JSON", e);
    }
  }

  private static ArrayNode steps(ObjectNode form) {
    return (ArrayNode) form.path("steps");
  }

  private FormDefinition parsed() {
    return FormDefinitionValidator.readTrusted(formJson);
  }

  // ---- what the page shows --------------------------------------------------------------------

  /** One step in the builder's list. */
  public record StepRow(int index, String key, String title, List<FieldRow> fields, boolean first, boolean last) implements Serializable {
    public int getIndex() { return index; }
    public String getKey() { return key; }
    public String getTitle() { return title; }
    public List<FieldRow> getFields() { return fields; }
    public boolean isFirst() { return first; }
    public boolean isLast() { return last; }
  }

  /** One field in the builder's list. */
  public record FieldRow(int step, int index, String key, String type, String label, boolean required, String condition,
      boolean first, boolean last) implements Serializable {
    public int getStep() { return step; }
    public int getIndex() { return index; }
    public String getKey() { return key; }
    public String getType() { return type; }
    public String getLabel() { return label; }
    public boolean isRequired() { return required; }
    public String getCondition() { return condition; }
    public boolean isFirst() { return first; }
    public boolean isLast() { return last; }
  }

  /** One step of the live preview: fields a citizen sees first, and those that appear on answers. */
  public record PreviewStep(int number, String title, List<FieldView> fields, List<String> conditional) implements Serializable {
    public int getNumber() { return number; }
    public String getTitle() { return title; }
    public List<FieldView> getFields() { return fields; }
    public List<String> getConditional() { return conditional; }
  }

  public List<StepRow> getSteps() {
    if (formJson == null) {
      return List.of();
    }
    Locale locale = localeSelection.getLocale();
    List<StepDefinition> steps = parsed().steps();
    List<StepRow> rows = new ArrayList<>();
    for (int s = 0; s < steps.size(); s++) {
      StepDefinition step = steps.get(s);
      List<FieldRow> fields = new ArrayList<>();
      for (int i = 0; i < step.fields().size(); i++) {
        FieldDefinition f = step.fields().get(i);
        String condition = f.visibleIf() == null ? null : f.visibleIf().fieldKey() + " = " + f.visibleIf().value();
        fields.add(new FieldRow(s, i, f.key(), ProblemTexts.text("builder.type." + f.type().jsonName()), f.label().in(locale),
            f.required(), condition, i == 0, i == step.fields().size() - 1));
      }
      rows.add(new StepRow(s, step.key(), step.title().in(locale), fields, s == 0, s == steps.size() - 1));
    }
    return rows;
  }

  public List<PreviewStep> getPreview() {
    if (formJson == null) {
      return List.of();
    }
    FormDefinition form = parsed();
    Locale locale = localeSelection.getLocale();
    Map<String, String> words = Map.of(
        "yes", ProblemTexts.text("application.yes"), "no", ProblemTexts.text("application.no"),
        "street", ProblemTexts.text("application.address.street"), "houseNumber", ProblemTexts.text("application.address.houseNumber"),
        "postalCode", ProblemTexts.text("application.address.postalCode"), "city", ProblemTexts.text("application.address.city"));
    var visible = Visibility.visibleFields(form, JSON.createObjectNode());
    List<PreviewStep> result = new ArrayList<>();
    for (int s = 0; s < form.steps().size(); s++) {
      StepDefinition step = form.steps().get(s);
      List<FieldView> fields = new ArrayList<>();
      List<String> conditional = new ArrayList<>();
      for (FieldDefinition f : step.fields()) {
        if (visible.contains(f.key())) {
          fields.add(FieldView.blank(f, locale, words));
        } else {
          conditional.add(ProblemTexts.text("builder.preview.conditional", f.label().in(locale),
              form.field(f.visibleIf().fieldKey()).map(x -> x.label().in(locale)).orElse(f.visibleIf().fieldKey()), f.visibleIf().value()));
        }
      }
      result.add(new PreviewStep(s + 1, step.title().in(locale), fields, conditional));
    }
    return result;
  }

  public String getFee() {
    return formJson == null ? "" : new eu.rathaus.web.catalogue.CatalogueTexts(localeSelection.getLocale()).feeLines(parsed()).stream()
        .reduce((a, b) -> a + "; " + b).orElse("");
  }

  public List<SelectItem> getTypes() {
    return Arrays.stream(FieldType.values())
        .map(t -> new SelectItem(t.jsonName(), ProblemTexts.text("builder.type." + t.jsonName())))
        .toList();
  }

  public List<SelectItem> getStepChoices() {
    List<SelectItem> items = new ArrayList<>();
    for (StepRow row : getSteps()) {
      items.add(new SelectItem(String.valueOf(row.index()), (row.index() + 1) + ". " + row.title()));
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

  // ---- plain accessors ------------------------------------------------------------------------

  public String getDefinition() { return definition; }
  public void setDefinition(String definition) { this.definition = definition; }
  public String getStepKey() { return stepKey; }
  public void setStepKey(String v) { stepKey = v; }
  public String getStepTitleDe() { return stepTitleDe; }
  public void setStepTitleDe(String v) { stepTitleDe = v; }
  public String getStepTitleEn() { return stepTitleEn; }
  public void setStepTitleEn(String v) { stepTitleEn = v; }
  public String getFirstKey() { return firstKey; }
  public void setFirstKey(String v) { firstKey = v; }
  public String getFirstLabelDe() { return firstLabelDe; }
  public void setFirstLabelDe(String v) { firstLabelDe = v; }
  public String getFirstLabelEn() { return firstLabelEn; }
  public void setFirstLabelEn(String v) { firstLabelEn = v; }
  public boolean isFirstRequired() { return firstRequired; }
  public void setFirstRequired(boolean v) { firstRequired = v; }
  public String getFieldStep() { return fieldStep; }
  public void setFieldStep(String v) { fieldStep = v; }
  public String getfKey() { return fKey; }
  public void setfKey(String v) { fKey = v; }
  public String getfType() { return fType; }
  public void setfType(String v) { fType = v; }
  public String getfLabelDe() { return fLabelDe; }
  public void setfLabelDe(String v) { fLabelDe = v; }
  public String getfLabelEn() { return fLabelEn; }
  public void setfLabelEn(String v) { fLabelEn = v; }
  public boolean isfRequired() { return fRequired; }
  public void setfRequired(boolean v) { fRequired = v; }
  public String getfHelpDe() { return fHelpDe; }
  public void setfHelpDe(String v) { fHelpDe = v; }
  public String getfHelpEn() { return fHelpEn; }
  public void setfHelpEn(String v) { fHelpEn = v; }
  public String getfMinLength() { return fMinLength; }
  public void setfMinLength(String v) { fMinLength = v; }
  public String getfMaxLength() { return fMaxLength; }
  public void setfMaxLength(String v) { fMaxLength = v; }
  public String getfMinValue() { return fMinValue; }
  public void setfMinValue(String v) { fMinValue = v; }
  public String getfMaxValue() { return fMaxValue; }
  public void setfMaxValue(String v) { fMaxValue = v; }
  public String getfPattern() { return fPattern; }
  public void setfPattern(String v) { fPattern = v; }
  public String getfChoices() { return fChoices; }
  public void setfChoices(String v) { fChoices = v; }
  public String getfIfField() { return fIfField; }
  public void setfIfField(String v) { fIfField = v; }
  public String getfIfValue() { return fIfValue; }
  public void setfIfValue(String v) { fIfValue = v; }
  public String getFeeMode() { return feeMode; }
  public void setFeeMode(String v) { feeMode = v; }
  public String getFeeEuros() { return feeEuros; }
  public void setFeeEuros(String v) { feeEuros = v; }
  public String getFeeField() { return feeField; }
  public void setFeeField(String v) { feeField = v; }
  public String getFeeAmounts() { return feeAmounts; }
  public void setFeeAmounts(String v) { feeAmounts = v; }
  public String getLoa() { return loa; }
  public void setLoa(String v) { loa = v; }
  public boolean isDecideBeforePayment() { return decideBeforePayment; }
  public void setDecideBeforePayment(boolean v) { decideBeforePayment = v; }
  public String getDays() { return days; }
  public void setDays(String v) { days = v; }
  public String getAttCount() { return attCount; }
  public void setAttCount(String v) { attCount = v; }
  public String getAttSizeKb() { return attSizeKb; }
  public void setAttSizeKb(String v) { attSizeKb = v; }
  public String getAttTypes() { return attTypes; }
  public void setAttTypes(String v) { attTypes = v; }
}
