package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.identity.LevelOfAssurance;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FormDefinitionValidatorTest {

  private static FormDefinitionValidator.Result check(Consumer<ObjectNode> change) {
    return FormDefinitionValidator.validate(Forms.changed(change));
  }

  private static void assertRefusedWith(FormDefinitionValidator.Result result, String messageKey) {
    assertThat(result.isValid()).isFalse();
    assertThat(result.definition()).isNull();
    assertThat(result.problems()).extracting(Problem::messageKey).contains(messageKey);
  }

  @Test
  void readsAValidDefinitionWithEveryFieldType() {
    FormDefinitionValidator.Result result = FormDefinitionValidator.validate(Forms.ALL_TYPES);

    assertThat(result.problems()).isEmpty();
    FormDefinition form = result.definition();
    assertThat(form.steps()).extracting(StepDefinition::key).containsExactly("person", "details");
    assertThat(form.fields())
        .extracting(FieldDefinition::type)
        .containsAll(java.util.EnumSet.allOf(FieldType.class));
    assertThat(form.levelOfAssurance()).isEqualTo(LevelOfAssurance.SUBSTANTIAL);
    assertThat(form.processingDays()).isEqualTo(14);
    assertThat(form.attachments().maxCount()).isEqualTo(2);
    assertThat(form.attachments().allows("application/pdf")).isTrue();
    assertThat(form.attachments().allows("text/html")).isFalse();
    FieldDefinition age = form.field("age").orElseThrow();
    assertThat(age.minValue()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(age.maxValue()).isEqualByComparingTo("130");
    assertThat(form.field("dogName").orElseThrow().visibleIf())
        .isEqualTo(new VisibilityCondition("hasDog", "true"));
    assertThat(form.fee()).isInstanceOf(FeeRule.ByChoice.class);
    assertThat(result.canonicalJson()).doesNotContain("\n");
    assertThat(result.feeJson()).contains("\"byChoice\"");
  }

  @Test
  void refusesTextThatIsNoJsonOrNoObject() {
    assertRefusedWith(
        FormDefinitionValidator.validate("{ not json"), "catalogue.definition.notJson");
    assertRefusedWith(FormDefinitionValidator.validate("[1,2]"), "catalogue.definition.notObject");
    assertRefusedWith(FormDefinitionValidator.validate("  "), "catalogue.definition.empty");
    assertRefusedWith(
        FormDefinitionValidator.validate((String) null), "catalogue.definition.empty");
  }

  @Test
  void refusesDuplicateJsonKeysBecauseReadersCouldDisagreeWhichOneCounts() {
    String twice =
        Forms.ALL_TYPES.replace(
            "\"processingDays\": 14", "\"processingDays\": 14, \"processingDays\": 3");

    assertRefusedWith(FormDefinitionValidator.validate(twice), "catalogue.definition.notJson");
  }

  @Test
  void refusesHugeDocumentsBeforeParsing() {
    String huge = "{\"x\":\"" + "a".repeat(FormDefinitionValidator.MAX_DOCUMENT_CHARS) + "\"}";

    assertRefusedWith(FormDefinitionValidator.validate(huge), "catalogue.definition.tooLarge");
  }

  @Test
  void schemaRefusesMissingAndUnknownProperties() {
    assertRefusedWith(check(root -> root.remove("steps")), "catalogue.definition.schema");
    assertRefusedWith(check(root -> root.put("colour", "red")), "catalogue.definition.schema");
    assertRefusedWith(
        check(root -> Forms.field(root, "name").put("onClick", "alert(1)")),
        "catalogue.definition.schema");
  }

  @Test
  void schemaRefusesUnknownFieldTypeBadKeysAndMissingEnglishLabel() {
    assertRefusedWith(
        check(root -> Forms.field(root, "name").put("type", "html")),
        "catalogue.definition.schema");
    assertRefusedWith(
        check(root -> Forms.field(root, "name").put("key", "Name With Spaces")),
        "catalogue.definition.schema");
    assertRefusedWith(
        check(root -> ((ObjectNode) Forms.field(root, "name").get("label")).remove("en")),
        "catalogue.definition.schema");
  }

  @Test
  void schemaRefusesRulesThatDoNotFitTheFieldType() {
    assertRefusedWith(
        check(root -> Forms.field(root, "name").put("maxValue", 3)), "catalogue.definition.schema");
    assertRefusedWith(
        check(root -> Forms.field(root, "age").put("pattern", "^1$")),
        "catalogue.definition.schema");
    assertRefusedWith(
        check(root -> Forms.field(root, "size").remove("choices")), "catalogue.definition.schema");
    assertRefusedWith(
        check(
            root ->
                Forms.field(root, "name").set("choices", Forms.field(root, "size").get("choices"))),
        "catalogue.definition.schema");
  }

  @Test
  void schemaRefusesBadFeeLevelAndDeadline() {
    assertRefusedWith(
        check(root -> ((ObjectNode) root.get("fee")).remove("amountsCents")),
        "catalogue.definition.schema");
    assertRefusedWith(
        check(root -> root.putObject("fee").put("type", "fixed").put("amountCents", -5)),
        "catalogue.definition.schema");
    assertRefusedWith(
        check(root -> root.putObject("fee").put("type", "fixed").put("amountCents", 12.5)),
        "catalogue.definition.schema");
    assertRefusedWith(
        check(
            root ->
                root.putObject("fee")
                    .put("type", "fixed")
                    .put("amountCents", 100)
                    .put("currency", "USD")),
        "catalogue.definition.schema");
    assertRefusedWith(
        check(root -> root.put("levelOfAssurance", "MEDIUM")), "catalogue.definition.schema");
    assertRefusedWith(check(root -> root.put("processingDays", 0)), "catalogue.definition.schema");
  }

  @Test
  void aFieldMayDeclareAPrefillSourceThatFitsItsType() {
    FormDefinitionValidator.Result declared =
        check(
            root -> {
              Forms.field(root, "address")
                  .putObject("prefill")
                  .put("source", "register.address")
                  .put("editable", false);
              Forms.field(root, "name").putObject("prefill").put("source", "eid.familyName");
            });
    assertThat(declared.problems()).isEmpty();
    assertThat(declared.definition().field("address").orElseThrow().prefill())
        .isEqualTo(new Prefill(Prefill.Source.REGISTER_ADDRESS, false));
    assertThat(declared.definition().field("name").orElseThrow().prefill())
        .as("editable unless the service says otherwise")
        .isEqualTo(new Prefill(Prefill.Source.EID_FAMILY_NAME, true));
    assertThat(Prefill.Source.REGISTER_ADDRESS.origin()).isEqualTo(Prefill.Origin.REGISTER);
    assertThat(Prefill.Source.EID_BIRTH_DATE.origin()).isEqualTo(Prefill.Origin.EID);
    assertThat(FormDefinitionValidator.validate(Forms.ALL_TYPES).definition().fields())
        .allSatisfy(f -> assertThat(f.prefill()).isNull());

    assertRefusedWith(
        check(root -> Forms.field(root, "born").putObject("prefill").put("source", "eid.address")),
        "catalogue.definition.prefillType");
    assertRefusedWith(
        check(root -> Forms.field(root, "name").putObject("prefill").put("source", "bank.iban")),
        "catalogue.definition.schema");
  }

  @Test
  void onlyOneEmailFieldCanBeTheNotificationAddress() {
    FormDefinitionValidator.Result marked =
        check(root -> Forms.field(root, "email").put("notificationAddress", true));
    assertThat(marked.problems()).isEmpty();
    assertThat(marked.definition().notificationField()).map(FieldDefinition::key).contains("email");
    assertThat(FormDefinitionValidator.validate(Forms.ALL_TYPES).definition().notificationField())
        .isEmpty();

    assertRefusedWith(
        check(root -> Forms.field(root, "phone").put("notificationAddress", true)),
        "catalogue.definition.notificationNotEmail");
    assertRefusedWith(
        check(
            root -> {
              Forms.field(root, "email").put("notificationAddress", true);
              Forms.field(root, "name").put("notificationAddress", true);
            }),
        "catalogue.definition.notificationTwice");
  }

  @Test
  void refusesDuplicateKeys() {
    assertRefusedWith(
        check(root -> Forms.field(root, "notes").put("key", "name")),
        "catalogue.definition.duplicateFieldKey");
    assertRefusedWith(
        check(root -> ((ObjectNode) root.get("steps").get(1)).put("key", "person")),
        "catalogue.definition.duplicateStepKey");
    assertRefusedWith(
        check(
            root ->
                ((ObjectNode) Forms.field(root, "extras").get("choices").get(1)).put("key", "a")),
        "catalogue.definition.duplicateChoiceKey");
  }

  @Test
  void conditionsMustPointToAnEarlierYesNoOrChoiceFieldAndAnExistingValue() {
    assertRefusedWith(
        check(
            root ->
                ((ObjectNode) Forms.field(root, "dogName").get("visibleIf"))
                    .put("field", "nothing")),
        "catalogue.definition.conditionUnknownField");
    assertRefusedWith(
        check(
            root ->
                ((ObjectNode) Forms.field(root, "dogName").get("visibleIf")).put("field", "size")),
        "catalogue.definition.conditionNotEarlier");
    assertRefusedWith(
        check(
            root ->
                ((ObjectNode) Forms.field(root, "dogName").get("visibleIf"))
                    .put("field", "dogName")),
        "catalogue.definition.conditionNotEarlier");
    assertRefusedWith(
        check(
            root ->
                ((ObjectNode) Forms.field(root, "dogName").get("visibleIf")).put("field", "name")),
        "catalogue.definition.conditionFieldType");
    assertRefusedWith(
        check(
            root ->
                ((ObjectNode) Forms.field(root, "largeReason").get("visibleIf"))
                    .put("equals", "huge")),
        "catalogue.definition.conditionUnknownChoice");
    assertRefusedWith(
        check(
            root ->
                ((ObjectNode) Forms.field(root, "dogName").get("visibleIf")).put("equals", "yes")),
        "catalogue.definition.conditionNotBoolean");
  }

  @Test
  void feeByChoiceMustNameARequiredUnconditionalSingleChoiceAndPriceEveryOption() {
    assertRefusedWith(
        check(root -> ((ObjectNode) root.get("fee")).put("field", "nothing")),
        "catalogue.definition.feeUnknownField");
    assertRefusedWith(
        check(root -> ((ObjectNode) root.get("fee")).put("field", "extras")),
        "catalogue.definition.feeFieldNotSingleChoice");
    assertRefusedWith(
        check(root -> Forms.field(root, "size").put("required", false)),
        "catalogue.definition.feeFieldOptional");
    assertRefusedWith(
        check(root -> ((ObjectNode) root.get("fee").get("amountsCents")).remove("large")),
        "catalogue.definition.feeChoiceMissing");
    assertRefusedWith(
        check(root -> ((ObjectNode) root.get("fee").get("amountsCents")).put("medium", 5)),
        "catalogue.definition.feeUnknownChoice");
  }

  @Test
  void refusesInvertedRangesAndBrokenPatterns() {
    assertRefusedWith(
        check(root -> Forms.field(root, "name").put("minLength", 60)),
        "catalogue.definition.rangeInverted");
    assertRefusedWith(
        check(root -> Forms.field(root, "age").put("minValue", 200)),
        "catalogue.definition.rangeInverted");
    assertRefusedWith(
        check(root -> Forms.field(root, "plate").put("pattern", "([A-Z")),
        "catalogue.definition.invalidPattern");
  }

  @Test
  void aFileFieldNeedsAttachmentRules() {
    assertRefusedWith(
        check(root -> root.remove("attachments")), "catalogue.definition.attachmentsMissing");
  }

  @Test
  void reportsEverySemanticProblemNotOnlyTheFirst() {
    FormDefinitionValidator.Result result =
        check(
            root -> {
              Forms.field(root, "notes").put("key", "name");
              Forms.field(root, "plate").put("pattern", "(");
            });

    assertThat(result.problems())
        .extracting(Problem::messageKey)
        .contains("catalogue.definition.duplicateFieldKey", "catalogue.definition.invalidPattern");
  }

  @Test
  void aFixedFeeAndNoAttachmentsIsValid() {
    FormDefinitionValidator.Result result =
        check(
            root -> {
              root.putObject("fee").put("type", "fixed").put("amountCents", 0);
              root.remove("attachments");
              ArrayNode fields = (ArrayNode) root.get("steps").get(1).get("fields");
              fields.remove(fields.size() - 1);
            });

    assertThat(result.problems()).isEmpty();
    assertThat(result.definition().fee()).isEqualTo(new FeeRule.Fixed(Money.ZERO));
    assertThat(result.definition().attachments()).isEqualTo(AttachmentRules.NONE);
  }
}
