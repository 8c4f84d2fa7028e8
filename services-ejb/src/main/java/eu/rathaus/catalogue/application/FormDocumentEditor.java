package eu.rathaus.catalogue.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form builder's edits of a draft's JSON document: add, change, move and remove steps and
 * fields, and the version settings. Every edit reads the document, returns a changed copy and
 * touches nothing else; whether the copy is stored is decided by {@code FormDefinitionValidator}
 * when it is saved. Working on the document rather than on the domain records keeps one format from
 * builder to export to import, and lets the validator stay the single judge of what a valid
 * definition is.
 *
 * <p>What cannot even be written into the document (a number that is no number, an amount that is
 * no amount) comes back as input problems whose target names the input ({@code minLength}, {@code
 * feeEuros}, ...); the document is then not changed. For a written copy, {@link Edit#inputFor} says
 * at which input a validator problem belongs, so the page can show it there.
 */
public final class FormDocumentEditor {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** "$.steps[0].fields[2].key", "/steps/0/fields/2/label/de" and the like. */
  private static final Pattern LOCATION =
      Pattern.compile("steps\\W*(\\d+)(?:\\W*fields\\W*(\\d+))?\\W*([A-Za-z]+)?");

  private FormDocumentEditor() {}

  /** Where in the form a schema problem is: step index, field index (or -1), property (or ""). */
  public record Location(int step, int field, String property) {

    /** The place a JSON Schema problem points at; empty for the validator's other problems. */
    public static Optional<Location> of(Problem problem) {
      Matcher m = LOCATION.matcher(problem.target());
      if (!problem.messageKey().equals("catalogue.definition.schema") || !m.find()) {
        return Optional.empty();
      }
      String property = m.group(3) == null ? "" : m.group(3);
      if (property.equals("fields")) {
        property = "";
      }
      return Optional.of(
          new Location(
              Integer.parseInt(m.group(1)),
              m.group(2) == null ? -1 : Integer.parseInt(m.group(2)),
              property));
    }
  }

  /**
   * One edit: the changed document ({@code json}), or, if {@code inputProblems} is not empty, the
   * typed inputs that could not be read (and no document).
   */
  public record Edit(String json, List<Problem> inputProblems, Function<Problem, String> inputFor) {

    public Edit {
      inputProblems = List.copyOf(inputProblems);
    }

    static Edit of(ObjectNode form, Function<Problem, String> inputFor) {
      return new Edit(form.toString(), List.of(), inputFor);
    }

    static Edit refused(List<Problem> problems) {
      return new Edit(null, problems, p -> null);
    }

    public boolean isReady() {
      return inputProblems.isEmpty();
    }
  }

  // ---- steps ----------------------------------------------------------------------------------

  public static StepInput readStep(String formJson, int index) {
    JsonNode step = steps(tree(formJson)).get(index);
    StepInput in = new StepInput();
    in.setKey(step.path("key").asText());
    in.setTitleDe(step.path("title").path("de").asText());
    in.setTitleEn(step.path("title").path("en").asText());
    return in;
  }

  /**
   * Changes step {@code index}, or appends a new step with its first field if {@code index} is
   * null.
   */
  public static Edit saveStep(String formJson, Integer index, StepInput in) {
    ObjectNode form = tree(formJson);
    ArrayNode steps = steps(form);
    boolean isNew = index == null;
    int at = isNew ? steps.size() : index;
    ObjectNode step;
    if (isNew) {
      step = steps.addObject();
      ObjectNode first = step.putArray("fields").addObject();
      first.put("key", strip(in.getFirstKey())).put("type", "text");
      localized(first, "label", in.getFirstLabelDe(), in.getFirstLabelEn());
      first.put("required", in.isFirstRequired());
    } else {
      step = (ObjectNode) steps.get(at);
    }
    step.put("key", strip(in.getKey()));
    localized(step, "title", in.getTitleDe(), in.getTitleEn());
    // Keep the properties in the schema's order for a readable export.
    ObjectNode ordered = JSON.createObjectNode();
    ordered.set("key", step.get("key"));
    ordered.set("title", step.get("title"));
    if (step.has("fim")) {
      // Imported from FIM: the group's id stays with the step through every edit.
      ordered.set("fim", step.get("fim"));
    }
    ordered.set("fields", step.get("fields"));
    steps.set(at, ordered);
    String stepKey = strip(in.getKey());
    String firstKey = strip(in.getFirstKey());
    return Edit.of(
        form,
        p -> {
          Optional<Location> where = Location.of(p);
          if (where.isPresent() && where.get().step() == at) {
            if (where.get().field() < 0) {
              return where.get().property().equals("title") ? "titleDe" : "key";
            }
            if (isNew && where.get().field() == 0) {
              return where.get().property().equals("label") ? "firstLabelDe" : "firstKey";
            }
          }
          if (p.target().equals(stepKey)) {
            return "key";
          }
          return isNew && p.target().equals(firstKey) ? "firstKey" : null;
        });
  }

  /** Swaps step {@code index} with its neighbour {@code delta} away; empty if there is none. */
  public static Optional<Edit> moveStep(String formJson, int index, int delta) {
    ObjectNode form = tree(formJson);
    return swap(steps(form), index, delta)
        ? Optional.of(Edit.of(form, p -> null))
        : Optional.empty();
  }

  public static Edit removeStep(String formJson, int index) {
    ObjectNode form = tree(formJson);
    steps(form).remove(index);
    return Edit.of(form, p -> null);
  }

  // ---- fields ---------------------------------------------------------------------------------

  public static FieldInput readField(String formJson, int step, int index) {
    JsonNode f = steps(tree(formJson)).get(step).path("fields").get(index);
    FieldInput in = new FieldInput();
    in.setKey(f.path("key").asText());
    in.setType(f.path("type").asText());
    in.setLabelDe(f.path("label").path("de").asText());
    in.setLabelEn(f.path("label").path("en").asText());
    in.setRequired(f.path("required").asBoolean(false));
    in.setNotificationAddress(f.path("notificationAddress").asBoolean(false));
    in.setPrefillSource(
        f.path("prefill").has("source") ? f.path("prefill").path("source").asText() : null);
    in.setPrefillEditable(f.path("prefill").path("editable").asBoolean(true));
    in.setHelpDe(f.has("help") ? f.path("help").path("de").asText() : null);
    in.setHelpEn(f.has("help") ? f.path("help").path("en").asText() : null);
    in.setMinLength(text(f, "minLength"));
    in.setMaxLength(text(f, "maxLength"));
    in.setMinValue(text(f, "minValue"));
    in.setMaxValue(text(f, "maxValue"));
    in.setPattern(text(f, "pattern"));
    StringBuilder choices = new StringBuilder();
    for (JsonNode c : f.path("choices")) {
      choices
          .append(c.path("key").asText())
          .append(" | ")
          .append(c.path("label").path("de").asText())
          .append(" | ")
          .append(c.path("label").path("en").asText())
          .append('\n');
    }
    in.setChoices(choices.isEmpty() ? null : choices.toString());
    in.setIfField(f.has("visibleIf") ? f.path("visibleIf").path("field").asText() : null);
    in.setIfValue(f.has("visibleIf") ? f.path("visibleIf").path("equals").asText() : null);
    in.setFimId(f.has("fim") ? f.path("fim").path("id").asText() : null);
    return in;
  }

  /**
   * Changes field {@code index} of the step chosen by {@code stepText} (its index as typed), or
   * appends the field to that step if {@code index} is null.
   */
  public static Edit saveField(String formJson, String stepText, Integer index, FieldInput in) {
    ObjectNode form = tree(formJson);
    ArrayNode steps = steps(form);
    int step = parseIndex(stepText, steps.size());
    if (step < 0) {
      return Edit.refused(List.of(Problem.of("step", "builder.problem.chooseStep")));
    }
    List<Problem> problems = new ArrayList<>();
    ObjectNode field = JSON.createObjectNode();
    field.put("key", strip(in.getKey()));
    field.put("type", in.getType());
    localized(field, "label", in.getLabelDe(), in.getLabelEn());
    if (!blank(in.getHelpDe()) || !blank(in.getHelpEn())) {
      localized(field, "help", in.getHelpDe(), in.getHelpEn());
    }
    field.put("required", in.isRequired());
    if (in.isNotificationAddress()) {
      field.put("notificationAddress", true);
    }
    if (!blank(in.getPrefillSource())) {
      ObjectNode prefill = field.putObject("prefill");
      prefill.put("source", in.getPrefillSource().strip());
      prefill.put("editable", in.isPrefillEditable());
    }
    putInteger(field, "minLength", in.getMinLength(), "minLength", problems);
    putInteger(field, "maxLength", in.getMaxLength(), "maxLength", problems);
    putDecimal(field, "minValue", in.getMinValue(), problems);
    putDecimal(field, "maxValue", in.getMaxValue(), problems);
    if (!blank(in.getPattern())) {
      field.put("pattern", in.getPattern().strip());
    }
    if (!blank(in.getChoices())) {
      ArrayNode choices = field.putArray("choices");
      for (String line : in.getChoices().split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\\|", -1);
        ObjectNode c = choices.addObject();
        c.put("key", parts[0].strip());
        localized(
            c, "label", parts.length > 1 ? parts[1] : parts[0], parts.length > 2 ? parts[2] : null);
      }
    }
    if (!blank(in.getIfField())) {
      field
          .putObject("visibleIf")
          .put("field", in.getIfField().strip())
          .put("equals", in.getIfValue() == null ? "" : in.getIfValue().strip());
    }
    if (!problems.isEmpty()) {
      return Edit.refused(problems);
    }
    ArrayNode fields = (ArrayNode) steps.get(step).path("fields");
    int at = index == null ? fields.size() : index;
    if (index == null) {
      fields.add(field);
    } else {
      keepFimOrigin(fields.get(at), field);
      fields.set(at, field);
    }
    String key = strip(in.getKey());
    return Edit.of(form, p -> fieldInput(p, step, at, key));
  }

  /**
   * An edited field that was imported from FIM keeps its FIM id, and its options keep their FIM
   * codes (matched by option key), so an export still names where each answer belongs in FIM.
   */
  private static void keepFimOrigin(JsonNode before, ObjectNode after) {
    if (before == null || !before.has("fim")) {
      return;
    }
    after.set("fim", before.get("fim"));
    for (JsonNode choice : after.path("choices")) {
      for (JsonNode old : before.path("choices")) {
        if (old.has("fimCode") && old.path("key").equals(choice.path("key"))) {
          ((ObjectNode) choice).set("fimCode", old.get("fimCode"));
        }
      }
    }
  }

  private static String fieldInput(Problem p, int step, int index, String key) {
    Optional<Location> at = Location.of(p);
    if (at.isPresent() && at.get().step() == step && at.get().field() == index) {
      return switch (at.get().property()) {
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
      return switch (p.messageKey()) {
        case "catalogue.definition.invalidPattern" -> "pattern";
        case "catalogue.definition.rangeInverted" -> "minLength";
        case "catalogue.definition.duplicateChoiceKey" -> "choices";
        case "catalogue.definition.conditionUnknownField",
            "catalogue.definition.conditionNotEarlier",
            "catalogue.definition.conditionNotBoolean",
            "catalogue.definition.conditionUnknownChoice",
            "catalogue.definition.conditionFieldType" ->
            "ifField";
        default -> "key";
      };
    }
    return null;
  }

  /**
   * Swaps field {@code index} of {@code step} with its neighbour {@code delta} away; empty if none.
   */
  public static Optional<Edit> moveField(String formJson, int step, int index, int delta) {
    ObjectNode form = tree(formJson);
    ArrayNode fields = (ArrayNode) steps(form).get(step).path("fields");
    return swap(fields, index, delta) ? Optional.of(Edit.of(form, p -> null)) : Optional.empty();
  }

  /**
   * Moves field {@code index} of step {@code step} to the end of step {@code targetText} (its index
   * as chosen). Refused with an input problem at {@code targetStep} if the move would put a field
   * before the field its visibility condition reads, since the form asks in its order.
   */
  public static Edit moveFieldToStep(String formJson, int step, int index, String targetText) {
    ObjectNode form = tree(formJson);
    ArrayNode steps = steps(form);
    int target = parseIndex(targetText, steps.size());
    if (target < 0 || target == step) {
      return Edit.refused(List.of(Problem.of("targetStep", "builder.problem.chooseStep")));
    }
    ArrayNode from = (ArrayNode) steps.get(step).path("fields");
    if (from.size() == 1) {
      // A step is never empty: its last field stays (remove the step instead).
      return Edit.refused(List.of(Problem.of("targetStep", "builder.problem.lastField")));
    }
    JsonNode moved = from.remove(index);
    ((ArrayNode) steps.get(target).path("fields")).add(moved);
    List<String> order = new ArrayList<>();
    for (JsonNode s : steps) {
      for (JsonNode f : s.path("fields")) {
        String condition = f.path("visibleIf").path("field").asText(null);
        String key = f.path("key").asText();
        boolean touchesMoved =
            key.equals(moved.path("key").asText()) || moved.path("key").asText().equals(condition);
        if (condition != null && touchesMoved && !order.contains(condition)) {
          return Edit.refused(
              List.of(
                  Problem.of("targetStep", "builder.problem.moveBeforeCondition", key, condition)));
        }
        order.add(key);
      }
    }
    return Edit.of(form, p -> null);
  }

  public static Edit removeField(String formJson, int step, int index) {
    ObjectNode form = tree(formJson);
    ((ArrayNode) steps(form).get(step).path("fields")).remove(index);
    return Edit.of(form, p -> null);
  }

  // ---- settings -------------------------------------------------------------------------------

  public static SettingsInput readSettings(String formJson) {
    ObjectNode form = tree(formJson);
    SettingsInput in = new SettingsInput();
    JsonNode fee = form.path("fee");
    in.setFeeMode(fee.path("type").asText("fixed"));
    in.setFeeEuros(
        fee.has("amountCents") ? Money.euroCents(fee.path("amountCents").asLong()).plain() : null);
    in.setFeeField(fee.has("field") ? fee.path("field").asText() : null);
    StringBuilder amounts = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> it = fee.path("amountsCents").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      amounts
          .append(e.getKey())
          .append(" = ")
          .append(Money.euroCents(e.getValue().asLong()).plain())
          .append('\n');
    }
    in.setFeeAmounts(amounts.isEmpty() ? null : amounts.toString());
    in.setLoa(form.path("levelOfAssurance").asText("LOW"));
    in.setDays(form.path("processingDays").asText());
    in.setDecideBeforePayment(form.path("decideBeforePayment").asBoolean(false));
    JsonNode att = form.path("attachments");
    in.setAttCount(att.has("maxCount") ? att.path("maxCount").asText() : null);
    in.setAttSizeKb(
        att.has("maxSizeBytes") ? String.valueOf(att.path("maxSizeBytes").asLong() / 1024) : null);
    List<String> types = new ArrayList<>();
    att.path("allowedContentTypes").forEach(t -> types.add(t.asText()));
    in.setAttTypes(types.isEmpty() ? null : String.join(", ", types));
    return in;
  }

  public static Edit saveSettings(String formJson, SettingsInput in) {
    ObjectNode form = tree(formJson);
    List<Problem> problems = new ArrayList<>();
    boolean byChoice = "byChoice".equals(in.getFeeMode());
    form.set("fee", byChoice ? feeByChoice(in, problems) : feeFixed(in, problems));
    form.put("levelOfAssurance", in.getLoa());
    putInteger(form, "processingDays", in.getDays(), "days", problems);
    if (in.isDecideBeforePayment()) {
      form.put("decideBeforePayment", true);
    } else {
      // false is the default: leave it out, so forms without the setting export unchanged.
      form.remove("decideBeforePayment");
    }
    if (blank(in.getAttCount())) {
      form.remove("attachments");
    } else {
      ObjectNode att = JSON.createObjectNode();
      putInteger(att, "maxCount", in.getAttCount(), "attCount", problems);
      Long kb = parseLong(in.getAttSizeKb());
      if (kb == null) {
        problems.add(Problem.of("attSize", "builder.problem.number"));
      } else {
        att.put("maxSizeBytes", kb * 1024);
      }
      ArrayNode types = att.putArray("allowedContentTypes");
      if (!blank(in.getAttTypes())) {
        Arrays.stream(in.getAttTypes().split("[,\\s]+"))
            .filter(t -> !t.isBlank())
            .forEach(t -> types.add(t.strip()));
      }
      form.set("attachments", att);
    }
    if (!problems.isEmpty()) {
      return Edit.refused(problems);
    }
    return Edit.of(
        form,
        p -> {
          String t = p.target();
          if (t.contains("fee")) {
            if (!byChoice) {
              return "feeEuros";
            }
            return t.contains("amounts") || p.messageKey().contains("Choice")
                ? "feeAmounts"
                : "feeField";
          }
          if (t.contains("processingDays")) {
            return "days";
          }
          if (t.contains("levelOfAssurance")) {
            return "loa";
          }
          if (t.contains("attachments")) {
            return t.contains("maxSizeBytes")
                ? "attSize"
                : t.contains("allowedContentTypes") ? "attTypes" : "attCount";
          }
          return null;
        });
  }

  private static ObjectNode feeByChoice(SettingsInput in, List<Problem> problems) {
    ObjectNode fee = JSON.createObjectNode();
    fee.put("type", "byChoice").put("currency", "EUR").put("field", strip(in.getFeeField()));
    ObjectNode amounts = fee.putObject("amountsCents");
    if (!blank(in.getFeeAmounts())) {
      for (String line : in.getFeeAmounts().split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("=", 2);
        Optional<Money> amount = parts.length == 2 ? Money.parse(parts[1]) : Optional.empty();
        if (amount.isEmpty()) {
          problems.add(Problem.of("feeAmounts", "builder.problem.feeLine", line.strip()));
        } else {
          amounts.put(parts[0].strip(), amount.get().cents());
        }
      }
    }
    return fee;
  }

  private static ObjectNode feeFixed(SettingsInput in, List<Problem> problems) {
    Optional<Money> amount =
        blank(in.getFeeEuros()) ? Optional.of(Money.ZERO) : Money.parse(in.getFeeEuros());
    if (amount.isEmpty()) {
      problems.add(Problem.of("feeEuros", "builder.problem.euros"));
    }
    ObjectNode fee = JSON.createObjectNode();
    fee.put("type", "fixed")
        .put("currency", "EUR")
        .put("amountCents", amount.map(Money::cents).orElse(0L));
    return fee;
  }

  // ---- reading typed text -----------------------------------------------------------------------

  private static void putInteger(
      ObjectNode node, String name, String value, String input, List<Problem> problems) {
    if (blank(value)) {
      node.remove(name);
      return;
    }
    Long n = parseLong(value);
    if (n == null || n > Integer.MAX_VALUE) {
      problems.add(Problem.of(input, "builder.problem.number"));
      return;
    }
    node.put(name, n.intValue());
  }

  private static void putDecimal(
      ObjectNode node, String name, String value, List<Problem> problems) {
    if (blank(value)) {
      return;
    }
    try {
      node.put(name, new BigDecimal(value.strip().replace(',', '.')));
    } catch (NumberFormatException e) {
      problems.add(Problem.of(name, "builder.problem.number"));
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

  private static boolean swap(ArrayNode nodes, int index, int delta) {
    int other = index + delta;
    if (other < 0 || other >= nodes.size()) {
      return false;
    }
    JsonNode a = nodes.get(index);
    nodes.set(index, nodes.get(other));
    nodes.set(other, a);
    return true;
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

  private static ObjectNode tree(String formJson) {
    try {
      return (ObjectNode) JSON.readTree(formJson);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored draft is not JSON", e);
    }
  }

  private static ArrayNode steps(ObjectNode form) {
    return (ArrayNode) form.path("steps");
  }
}
