package eu.rathaus.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.catalogue.domain.AnswerValidator;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.TemplateDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DemoTemplatesTest {

  static List<String> templates() {
    return DemoTemplates.RESOURCES;
  }

  private static TemplateDocument read(String resource) {
    TemplateDocument.Read read = TemplateDocument.read(DemoTemplates.load(resource));
    assertThat(read.problems()).as(resource).isEmpty();
    return read.template();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyDemoTemplateIsValidAndFullyTranslated(String resource) {
    TemplateDocument template = read(resource);
    FormDefinition form = template.form().definition();

    assertThat(template.serviceKey()).startsWith("demo.");
    assertThat(template.title().de()).isNotBlank().isNotEqualTo(template.title().en());
    assertThat(template.description().en()).isNotBlank();
    for (FieldDefinition field : form.fields()) {
      assertThat(field.label().en()).as(field.key()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void emptyAnswersAreRefusedWithRequiredFieldsNotWithAnException(String resource) {
    FormDefinition form = read(resource).form().definition();

    AnswerValidator.Result result =
        AnswerValidator.validate(
            form, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());

    assertThat(result.isValid()).isFalse();
    assertThat(result.problems())
        .extracting(p -> p.messageKey())
        .containsOnly("catalogue.answer.required");
  }

  @Test
  void theSevenServicesAreDistinct() {
    Set<String> keys = new HashSet<>();
    templates().forEach(r -> keys.add(read(r).serviceKey()));

    assertThat(keys).hasSize(7);
  }

  @Test
  void residentParkingCostsByValidityAndLostPropertyIsFree() {
    FormDefinition parking =
        read("/catalogue/templates/bewohnerparkausweis.json").form().definition();
    FormDefinition lost = read("/catalogue/templates/fundsache-verlust.json").form().definition();

    var twoYears =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("validity", "twoYears");
    assertThat(parking.fee().evaluate(twoYears)).contains(Money.euroCents(6000));
    assertThat(parking.fee().minimum()).isEqualTo(Money.euroCents(3000));
    assertThat(lost.fee().minimum()).isEqualTo(Money.ZERO);
  }
}
