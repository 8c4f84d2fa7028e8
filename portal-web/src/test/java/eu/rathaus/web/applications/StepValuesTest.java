package eu.rathaus.web.applications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.application.DemoTemplates;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepValuesTest {

  static FormDefinition melde() throws Exception {
    return FormDefinitionValidator.validate(
            new ObjectMapper()
                .readTree(DemoTemplates.load("/catalogue/templates/meldebescheinigung.json"))
                .get("form"))
        .definition();
  }

  @Test
  void readsTheStepsFieldsAndNothingElse() throws Exception {
    FormDefinition form = melde();
    ObjectNode values =
        StepValues.read(
            form.steps().get(0),
            Map.of(
                "a.firstNames", new String[] {"  Erika "},
                "a.lastName", new String[] {"Mustermann"},
                "a.birthDate", new String[] {"12.8.1964"},
                "a.email", new String[] {"smuggled@example.org"},
                "jakarta.faces.ViewState", new String[] {"x"}));

    assertThat(values.toString())
        .isEqualTo(
            "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"birthDate\":\"1964-08-12\"}");
  }

  @Test
  void anAddressIsAnObjectOnlyWhenSomethingWasTyped() throws Exception {
    FormDefinition form = melde();
    ObjectNode empty =
        StepValues.read(form.steps().get(1), Map.of("a.postalAddress.street", new String[] {" "}));
    assertThat(empty.has("postalAddress")).isFalse();

    ObjectNode partial =
        StepValues.read(
            form.steps().get(1),
            Map.of(
                "a.delivery",
                new String[] {"post"},
                "a.postalAddress.city",
                new String[] {"Musterstadt"}));
    assertThat(partial.get("postalAddress").toString())
        .isEqualTo(
            "{\"street\":\"\",\"houseNumber\":\"\",\"postalCode\":\"\",\"city\":\"Musterstadt\"}");
  }

  @Test
  void hostileValuesArePassedOnForTheValidatorToRefuse() throws Exception {
    FormDefinition form = melde();
    String huge = "x".repeat(20_000);
    ObjectNode values =
        StepValues.read(form.steps().get(0), Map.of("a.firstNames", new String[] {huge, "second"}));
    assertThat(values.get("firstNames").asText()).hasSize(20_000);
  }
}
