package eu.rathaus.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.catalogue.application.FormDocumentEditor.Edit;
import eu.rathaus.catalogue.application.FormDocumentEditor.Location;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.Problem;
import org.junit.jupiter.api.Test;

/** The builder's edits of a form document, without a server: what each edit writes and refuses. */
class FormDocumentEditorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String FORM =
      """
      {"formatVersion":1,"steps":[
        {"key":"one","title":{"de":"Eins","en":"One"},"fields":[
          {"key":"name","type":"text","label":{"de":"Name","en":"Name"},"required":true,"minLength":2},
          {"key":"size","type":"singleChoice","label":{"de":"Größe","en":"Size"},"required":true,
           "choices":[{"key":"small","label":{"de":"Klein","en":"Small"}},{"key":"large","label":{"de":"Groß","en":"Large"}}]}]},
        {"key":"two","title":{"de":"Zwei","en":"Two"},"fields":[
          {"key":"why","type":"text","label":{"de":"Warum","en":"Why"},"visibleIf":{"field":"size","equals":"large"}}]}],
       "fee":{"type":"fixed","currency":"EUR","amountCents":1250},"levelOfAssurance":"LOW","processingDays":3}
      """;

  private static JsonNode tree(Edit edit) throws Exception {
    assertThat(edit.isReady()).isTrue();
    return JSON.readTree(edit.json());
  }

  @Test
  void aNewStepIsAppendedWithItsFirstFieldAndAValidDocument() throws Exception {
    StepInput in = new StepInput();
    in.setKey(" three ");
    in.setTitleDe("Drei");
    in.setFirstKey("note");
    in.setFirstLabelDe("Notiz");
    in.setFirstLabelEn(" ");
    Edit edit = FormDocumentEditor.saveStep(FORM, null, in);
    JsonNode step = tree(edit).path("steps").get(2);
    assertThat(step.path("key").asText()).isEqualTo("three");
    // An English text left empty falls back to the German one.
    assertThat(step.path("title").path("en").asText()).isEqualTo("Drei");
    assertThat(step.path("fields").get(0).path("label").path("en").asText()).isEqualTo("Notiz");
    assertThat(step.path("fields").get(0).path("required").asBoolean()).isTrue();
    assertThat(FormDefinitionValidator.validate(edit.json()).problems()).isEmpty();
  }

  @Test
  void aChangedStepKeepsItsFieldsAndTheSchemaOrderOfProperties() throws Exception {
    StepInput in = FormDocumentEditor.readStep(FORM, 1);
    assertThat(in.getKey()).isEqualTo("two");
    in.setTitleEn("Second");
    JsonNode step = tree(FormDocumentEditor.saveStep(FORM, 1, in)).path("steps").get(1);
    assertThat(step.fieldNames()).toIterable().containsExactly("key", "title", "fields");
    assertThat(step.path("title").path("en").asText()).isEqualTo("Second");
    assertThat(step.path("fields").size()).isEqualTo(1);
  }

  @Test
  void aStepProblemBelongsToTheStepEditorsInputs() {
    StepInput in = new StepInput();
    in.setKey("Bad Key");
    in.setTitleDe("Drei");
    in.setFirstKey("note");
    in.setFirstLabelDe("Notiz");
    Edit edit = FormDocumentEditor.saveStep(FORM, null, in);
    Problem problem = FormDefinitionValidator.validate(edit.json()).problems().get(0);
    assertThat(edit.inputFor().apply(problem)).isEqualTo("key");
    assertThat(
            edit.inputFor()
                .apply(Problem.of("note", "catalogue.definition.duplicateFieldKey", "note")))
        .isEqualTo("firstKey");
    assertThat(edit.inputFor().apply(Problem.of("", "catalogue.definition.noSteps"))).isNull();
  }

  @Test
  void stepsAndFieldsMoveWithinTheirListOnly() throws Exception {
    assertThat(FormDocumentEditor.moveStep(FORM, 0, -1)).isEmpty();
    assertThat(FormDocumentEditor.moveField(FORM, 0, 1, 1)).isEmpty();
    JsonNode moved = tree(FormDocumentEditor.moveStep(FORM, 0, 1).orElseThrow());
    assertThat(moved.path("steps").get(0).path("key").asText()).isEqualTo("two");
    JsonNode swapped = tree(FormDocumentEditor.moveField(FORM, 0, 1, -1).orElseThrow());
    assertThat(swapped.path("steps").get(0).path("fields").get(0).path("key").asText())
        .isEqualTo("size");
  }

  @Test
  void removingLeavesTheRestInPlace() throws Exception {
    assertThat(
            tree(FormDocumentEditor.removeStep(FORM, 0)).path("steps").get(0).path("key").asText())
        .isEqualTo("two");
    JsonNode fields =
        tree(FormDocumentEditor.removeField(FORM, 0, 0)).path("steps").get(0).path("fields");
    assertThat(fields.size()).isEqualTo(1);
    assertThat(fields.get(0).path("key").asText()).isEqualTo("size");
  }

  @Test
  void aFieldIsReadIntoTheEditorAndWrittenBackUnchanged() throws Exception {
    FieldInput in = FormDocumentEditor.readField(FORM, 0, 1);
    assertThat(in.getChoices()).isEqualTo("small | Klein | Small\nlarge | Groß | Large\n");
    JsonNode before = JSON.readTree(FORM).path("steps").get(0).path("fields").get(1);
    JsonNode after =
        tree(FormDocumentEditor.saveField(FORM, "0", 1, in))
            .path("steps")
            .get(0)
            .path("fields")
            .get(1);
    assertThat(after).isEqualTo(before);
    FieldInput conditional = FormDocumentEditor.readField(FORM, 1, 0);
    assertThat(conditional.getIfField()).isEqualTo("size");
    assertThat(conditional.getIfValue()).isEqualTo("large");
  }

  @Test
  void aNewFieldIsAppendedWithNumbersChoicesAndCondition() throws Exception {
    FieldInput in = new FieldInput();
    in.setKey("count");
    in.setType("number");
    in.setLabelDe("Anzahl");
    in.setMinValue("0,5");
    in.setMaxValue("10");
    in.setIfField(" size ");
    in.setIfValue(" small ");
    Edit edit = FormDocumentEditor.saveField(FORM, "1", null, in);
    JsonNode field = tree(edit).path("steps").get(1).path("fields").get(1);
    assertThat(field.path("minValue").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(field.path("visibleIf").path("field").asText()).isEqualTo("size");
    assertThat(field.path("visibleIf").path("equals").asText()).isEqualTo("small");
    assertThat(field.has("help")).isFalse();
    assertThat(FormDefinitionValidator.validate(edit.json()).problems()).isEmpty();
  }

  @Test
  void theNotificationAddressMarkIsWrittenOnlyWhenSetAndReadBack() throws Exception {
    FieldInput in = new FieldInput();
    in.setKey("mail");
    in.setType("email");
    in.setLabelDe("E-Mail");
    in.setNotificationAddress(true);
    Edit marked = FormDocumentEditor.saveField(FORM, "0", null, in);
    JsonNode field = tree(marked).path("steps").get(0).path("fields").get(2);
    assertThat(field.path("notificationAddress").asBoolean()).isTrue();
    assertThat(FormDefinitionValidator.validate(marked.json()).problems()).isEmpty();
    assertThat(FormDocumentEditor.readField(marked.json(), 0, 2).isNotificationAddress()).isTrue();

    in.setNotificationAddress(false);
    JsonNode plain =
        tree(FormDocumentEditor.saveField(FORM, "0", null, in)).path("steps").get(0).path("fields");
    assertThat(plain.get(2).has("notificationAddress")).isFalse();
  }

  @Test
  void thePrefillSourceIsWrittenOnlyWhenChosenAndReadBack() throws Exception {
    FieldInput in = new FieldInput();
    in.setKey("wohnort");
    in.setType("postalAddress");
    in.setLabelDe("Anschrift");
    in.setPrefillSource("register.address");
    in.setPrefillEditable(false);
    Edit prefilled = FormDocumentEditor.saveField(FORM, "0", null, in);
    JsonNode field = tree(prefilled).path("steps").get(0).path("fields").get(2);
    assertThat(field.path("prefill").path("source").asText()).isEqualTo("register.address");
    assertThat(field.path("prefill").path("editable").asBoolean(true)).isFalse();
    assertThat(FormDefinitionValidator.validate(prefilled.json()).problems()).isEmpty();
    FieldInput read = FormDocumentEditor.readField(prefilled.json(), 0, 2);
    assertThat(read.getPrefillSource()).isEqualTo("register.address");
    assertThat(read.isPrefillEditable()).isFalse();

    in.setPrefillSource("");
    JsonNode plain =
        tree(FormDocumentEditor.saveField(FORM, "0", null, in)).path("steps").get(0).path("fields");
    assertThat(plain.get(2).has("prefill")).isFalse();
  }

  @Test
  void unreadableFieldInputsAreRefusedBeforeAnythingIsWritten() {
    FieldInput in = new FieldInput();
    in.setKey("x");
    in.setLabelDe("X");
    in.setMinLength("zwei");
    in.setMaxValue("1.2.3");
    Edit edit = FormDocumentEditor.saveField(FORM, "0", null, in);
    assertThat(edit.isReady()).isFalse();
    assertThat(edit.json()).isNull();
    assertThat(edit.inputProblems())
        .extracting(Problem::target)
        .containsExactly("minLength", "maxValue");
    assertThat(FormDocumentEditor.saveField(FORM, "7", null, in).inputProblems())
        .containsExactly(Problem.of("step", "builder.problem.chooseStep"));
  }

  @Test
  void aFieldProblemBelongsToTheFieldEditorsInputs() {
    FieldInput in = new FieldInput();
    in.setKey("bad key");
    in.setLabelDe("X");
    Edit edit = FormDocumentEditor.saveField(FORM, "1", null, in);
    Problem schema = FormDefinitionValidator.validate(edit.json()).problems().get(0);
    assertThat(Location.of(schema)).hasValue(new Location(1, 1, "key"));
    assertThat(edit.inputFor().apply(schema)).isEqualTo("key");
    assertThat(edit.inputFor().apply(Problem.of("bad key", "catalogue.definition.invalidPattern")))
        .isEqualTo("pattern");
    assertThat(
            edit.inputFor()
                .apply(Problem.of("bad key", "catalogue.definition.conditionNotEarlier")))
        .isEqualTo("ifField");
    assertThat(edit.inputFor().apply(Problem.of("other", "catalogue.definition.invalidPattern")))
        .isNull();
  }

  @Test
  void semanticProblemsHaveNoSchemaLocation() {
    assertThat(Location.of(Problem.of("name", "catalogue.definition.duplicateFieldKey", "name")))
        .isEmpty();
  }

  @Test
  void settingsAreReadAndWrittenBack() throws Exception {
    SettingsInput in = FormDocumentEditor.readSettings(FORM);
    assertThat(in.getFeeMode()).isEqualTo("fixed");
    assertThat(in.getFeeEuros()).isEqualTo("12,50");
    assertThat(in.getDays()).isEqualTo("3");
    assertThat(in.getAttCount()).isNull();
    in.setFeeMode("byChoice");
    in.setFeeField("size");
    in.setFeeAmounts("small = 5\nlarge = 7,50 €\n\n");
    in.setAttCount("2");
    in.setAttSizeKb("1024");
    in.setAttTypes("application/pdf, image/png");
    in.setDecideBeforePayment(true);
    Edit edit = FormDocumentEditor.saveSettings(FORM, in);
    JsonNode form = tree(edit);
    assertThat(form.path("fee").path("amountsCents").path("large").asLong()).isEqualTo(750);
    assertThat(form.path("attachments").path("maxSizeBytes").asLong()).isEqualTo(1024 * 1024);
    assertThat(form.path("attachments").path("allowedContentTypes")).hasSize(2);
    assertThat(form.path("decideBeforePayment").asBoolean()).isTrue();
    assertThat(FormDefinitionValidator.validate(edit.json()).problems()).isEmpty();
    SettingsInput again = FormDocumentEditor.readSettings(edit.json());
    assertThat(again.getFeeAmounts()).isEqualTo("small = 5,00\nlarge = 7,50\n");
    assertThat(again.getAttTypes()).isEqualTo("application/pdf, image/png");
  }

  @Test
  void decideBeforePaymentFalseAndNoAttachmentsAreLeftOut() throws Exception {
    SettingsInput in = FormDocumentEditor.readSettings(FORM);
    in.setFeeEuros("");
    JsonNode form = tree(FormDocumentEditor.saveSettings(FORM, in));
    assertThat(form.has("decideBeforePayment")).isFalse();
    assertThat(form.has("attachments")).isFalse();
    assertThat(form.path("fee").path("amountCents").asLong()).isZero();
  }

  @Test
  void unreadableSettingsAreAllNamedInTheOrderOfThePanel() {
    SettingsInput in = FormDocumentEditor.readSettings(FORM);
    in.setFeeMode("byChoice");
    in.setFeeField("size");
    in.setFeeAmounts("small = viel\nlarge");
    in.setDays("drei");
    in.setAttCount("x");
    in.setAttSizeKb("");
    Edit edit = FormDocumentEditor.saveSettings(FORM, in);
    assertThat(edit.inputProblems())
        .containsExactly(
            Problem.of("feeAmounts", "builder.problem.feeLine", "small = viel"),
            Problem.of("feeAmounts", "builder.problem.feeLine", "large"),
            Problem.of("days", "builder.problem.number"),
            Problem.of("attCount", "builder.problem.number"),
            Problem.of("attSize", "builder.problem.number"));
    in.setFeeMode("fixed");
    in.setFeeEuros("12,345");
    assertThat(FormDocumentEditor.saveSettings(FORM, in).inputProblems().get(0))
        .isEqualTo(Problem.of("feeEuros", "builder.problem.euros"));
  }

  @Test
  void aSettingsProblemBelongsToTheSettingsInputs() {
    SettingsInput in = FormDocumentEditor.readSettings(FORM);
    Edit fixed = FormDocumentEditor.saveSettings(FORM, in);
    assertThat(fixed.inputFor().apply(Problem.of("fee.amountCents", "catalogue.definition.schema")))
        .isEqualTo("feeEuros");
    assertThat(
            fixed.inputFor().apply(Problem.of("$.processingDays", "catalogue.definition.schema")))
        .isEqualTo("days");
    assertThat(
            fixed
                .inputFor()
                .apply(Problem.of("attachments.maxSizeBytes", "catalogue.definition.schema")))
        .isEqualTo("attSize");
    in.setFeeMode("byChoice");
    in.setFeeField("nope");
    Edit byChoice = FormDocumentEditor.saveSettings(FORM, in);
    assertThat(
            byChoice
                .inputFor()
                .apply(Problem.of("fee.field", "catalogue.definition.feeFieldUnknown")))
        .isEqualTo("feeField");
    assertThat(
            byChoice
                .inputFor()
                .apply(Problem.of("fee.amountsCents", "catalogue.definition.schema")))
        .isEqualTo("feeAmounts");
  }

  @Test
  void aFieldMovesToTheEndOfAnotherStep() throws Exception {
    Edit edit = FormDocumentEditor.moveFieldToStep(FORM, 0, 0, "1");
    JsonNode steps = tree(edit).path("steps");
    assertThat(steps.get(0).path("fields"))
        .extracting(f -> f.path("key").asText())
        .containsExactly("size");
    assertThat(steps.get(1).path("fields"))
        .extracting(f -> f.path("key").asText())
        .containsExactly("why", "name");
    assertThat(FormDefinitionValidator.validate(edit.json()).problems()).isEmpty();
  }

  @Test
  void aMoveThatPutsAFieldBeforeItsConditionIsRefused() {
    // "why" on step two shows only for a size: moving "size" behind it would ask "why" first.
    Edit edit = FormDocumentEditor.moveFieldToStep(FORM, 0, 1, "1");
    assertThat(edit.isReady()).isFalse();
    assertThat(edit.json()).isNull();
    assertThat(edit.inputProblems())
        .containsExactly(
            Problem.of("targetStep", "builder.problem.moveBeforeCondition", "why", "size"));
  }

  @Test
  void aConditionalFieldCannotMoveBeforeTheFieldItReads() throws Exception {
    // "why" (step three) reads "size" (step two): it may not go up to step one.
    String form =
        """
        {"formatVersion":1,"steps":[
          {"key":"one","title":{"de":"Eins","en":"One"},"fields":[
            {"key":"name","type":"text","label":{"de":"Name","en":"Name"}}]},
          {"key":"two","title":{"de":"Zwei","en":"Two"},"fields":[
            {"key":"size","type":"singleChoice","label":{"de":"Größe","en":"Size"},
             "choices":[{"key":"large","label":{"de":"Groß","en":"Large"}}]}]},
          {"key":"three","title":{"de":"Drei","en":"Three"},"fields":[
            {"key":"why","type":"text","label":{"de":"Warum","en":"Why"},
             "visibleIf":{"field":"size","equals":"large"}},
            {"key":"note","type":"text","label":{"de":"Notiz","en":"Note"}}]}]}
        """;
    assertThat(FormDocumentEditor.moveFieldToStep(form, 2, 0, "0").inputProblems())
        .containsExactly(
            Problem.of("targetStep", "builder.problem.moveBeforeCondition", "why", "size"));
    assertThat(FormDocumentEditor.moveFieldToStep(form, 2, 1, "0").isReady()).isTrue();
  }

  @Test
  void aMoveNeedsAnotherExistingStepAndLeavesNoStepEmpty() {
    assertThat(FormDocumentEditor.moveFieldToStep(FORM, 0, 0, "0").inputProblems())
        .containsExactly(Problem.of("targetStep", "builder.problem.chooseStep"));
    assertThat(FormDocumentEditor.moveFieldToStep(FORM, 0, 0, "7").inputProblems())
        .containsExactly(Problem.of("targetStep", "builder.problem.chooseStep"));
    assertThat(FormDocumentEditor.moveFieldToStep(FORM, 1, 0, "0").inputProblems())
        .containsExactly(Problem.of("targetStep", "builder.problem.lastField"));
  }
}
