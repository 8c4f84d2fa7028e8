package eu.rathaus.applications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.application.DemoTemplates;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftAnswersTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static FormDefinition template(String resource) throws Exception {
    return FormDefinitionValidator.validate(JSON.readTree(DemoTemplates.load(resource)).get("form"))
        .definition();
  }

  private final FormDefinition melde;
  private final FormDefinition parking;

  DraftAnswersTest() throws Exception {
    melde = template("/catalogue/templates/meldebescheinigung.json");
    parking = template("/catalogue/templates/bewohnerparkausweis.json");
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void aStepWritesOnlyItsOwnFields() throws Exception {
    ObjectNode merged =
        DraftAnswers.mergeStep(
            melde,
            json("{}"),
            melde.steps().get(0),
            json(
                "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"birthDate\":\"1964-08-12\",\"email\":\"x@example.org\"}"));

    assertThat(merged.has("firstNames")).isTrue();
    assertThat(merged.has("email")).as("a field of step 3 smuggled into step 1").isFalse();
    assertThat(DraftAnswers.checkStep(melde, merged, melde.steps().get(0))).isEmpty();
  }

  @Test
  void answersToFieldsThatAreHiddenNowAreDropped() throws Exception {
    ObjectNode saved =
        json(
            "{\"certificateType\":\"simple\",\"delivery\":\"post\","
                + "\"postalAddress\":{\"street\":\"Hauptstr.\",\"houseNumber\":\"1\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}");

    ObjectNode merged =
        DraftAnswers.mergeStep(
            melde,
            saved,
            melde.steps().get(1),
            json(
                "{\"certificateType\":\"simple\",\"delivery\":\"mailbox\",\"postalAddress\":{\"street\":\"x\"}}"));

    assertThat(merged.has("postalAddress")).isFalse();
    assertThat(merged.get("delivery").asText()).isEqualTo("mailbox");
  }

  @Test
  void stepCheckReportsBadValuesAtTheirFieldAndRequiredOnlyUpToTheStep() throws Exception {
    ObjectNode merged =
        DraftAnswers.mergeStep(
            melde,
            json("{}"),
            melde.steps().get(0),
            json("{\"firstNames\":\"Erika\",\"birthDate\":\"31.02.1990\"}"));

    List<Problem> problems = DraftAnswers.checkStep(melde, merged, melde.steps().get(0));

    assertThat(problems)
        .extracting(Problem::target, Problem::messageKey)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("lastName", "catalogue.answer.required"),
            org.assertj.core.groups.Tuple.tuple("birthDate", "catalogue.answer.date.invalid"));
    assertThat(DraftAnswers.firstStepWithProblem(melde, problems)).isZero();
  }

  @Test
  void missingFilesDoNotStopADraftButSubmissionStillNeedsThem() throws Exception {
    ObjectNode step1 =
        json(
            "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"email\":\"erika@example.org\","
                + "\"address\":{\"street\":\"Hauptstr.\",\"houseNumber\":\"1\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}");
    ObjectNode merged =
        DraftAnswers.mergeStep(
            parking,
            step1,
            parking.steps().get(1),
            json("{\"licensePlate\":\"MS-AB 123\",\"isKeeper\":\"true\"}"));

    assertThat(DraftAnswers.checkStep(parking, merged, parking.steps().get(1)))
        .as("required file without an upload feature")
        .isEmpty();
    assertThat(
            eu.rathaus.catalogue.domain.AnswerValidator.validate(parking, merged)
                .problemsFor("registrationCertificate"))
        .isNotEmpty();
  }
}
