package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibilityTest {

  private static final FormDefinition FORM = Forms.allTypes();

  @Test
  void unconditionalFieldsAreAlwaysVisibleAndConditionalOnesHiddenWithoutAnswers() {
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{}")))
        .contains("name", "hasDog", "size", "extras")
        .doesNotContain("dogName", "largeReason", "bNote");
  }

  @Test
  void yesNoConditionFollowsTheAnswerInBothSpellings() {
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"hasDog\": true}")))
        .contains("dogName");
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"hasDog\": \"true\"}")))
        .contains("dogName");
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"hasDog\": false}")))
        .doesNotContain("dogName");
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"hasDog\": \"vielleicht\"}")))
        .doesNotContain("dogName");
  }

  @Test
  void singleChoiceConditionNeedsThatExactKey() {
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"size\": \"large\"}")))
        .contains("largeReason");
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"size\": \"small\"}")))
        .doesNotContain("largeReason");
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"size\": [\"large\"]}")))
        .doesNotContain("largeReason");
  }

  @Test
  void multipleChoiceConditionMeansTheKeyIsAmongTheSelected() {
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"extras\": [\"a\", \"b\"]}")))
        .contains("bNote");
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"extras\": [\"a\"]}")))
        .doesNotContain("bNote");
    assertThat(Visibility.visibleFields(FORM, Forms.answers("{\"extras\": \"b\"}")))
        .doesNotContain("bNote");
  }

  @Test
  void aFieldDependingOnAHiddenFieldIsHiddenToo() {
    String chained =
        Forms.changed(
            root -> {
              var step =
                  (com.fasterxml.jackson.databind.node.ArrayNode)
                      root.get("steps").get(0).get("fields");
              step.addObject()
                  .put("key", "dogChipped")
                  .put("type", "yesNo")
                  .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                      "label", Forms.JSON.createObjectNode().put("de", "Chip?").put("en", "Chip?"))
                  .set(
                      "visibleIf",
                      Forms.JSON.createObjectNode().put("field", "hasDog").put("equals", true));
              step.addObject()
                  .put("key", "chipNumber")
                  .put("type", "text")
                  .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                      "label", Forms.JSON.createObjectNode().put("de", "Nr.").put("en", "No."))
                  .set(
                      "visibleIf",
                      Forms.JSON.createObjectNode().put("field", "dogChipped").put("equals", true));
            });
    FormDefinition form = FormDefinitionValidator.validate(chained).definition();

    assertThat(
            Visibility.visibleFields(
                form, Forms.answers("{\"hasDog\": true, \"dogChipped\": true}")))
        .contains("chipNumber");
    // The citizen changed their mind about the dog; the left-over chip answer must not keep the
    // branch alive.
    assertThat(
            Visibility.visibleFields(
                form, Forms.answers("{\"hasDog\": false, \"dogChipped\": true}")))
        .doesNotContain("dogChipped", "chipNumber");
  }
}
