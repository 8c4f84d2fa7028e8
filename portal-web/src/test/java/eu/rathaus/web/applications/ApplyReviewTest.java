package eu.rathaus.web.applications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.domain.AnswerSheet;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.web.applications.ApplyRows.ReviewRow;
import eu.rathaus.web.applications.ApplyRows.ReviewStep;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyReviewTest {

  private static final AnswerSheet.Words WORDS = new AnswerSheet.Words("Ja", "Nein", "(leer)");

  @Test
  void everyStepWithItsAnswersAndTheProblemsOfEachField() throws Exception {
    FormDefinition form = StepValuesTest.melde();
    ObjectNode answers =
        ApplyDisplay.read("{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\"}");

    List<ReviewStep> steps =
        ApplyReview.steps(
            form,
            answers,
            List.of(),
            Locale.GERMAN,
            WORDS,
            Map.of("birthDate", List.of("Bitte geben Sie Ihr Geburtsdatum an.")));

    assertThat(steps).hasSize(form.steps().size());
    List<ReviewRow> person = steps.get(0).rows();
    assertThat(person)
        .extracting(ReviewRow::label)
        .startsWith("Vorname(n)", "Familienname", "Geburtsdatum");
    assertThat(person.get(0).value()).isEqualTo("Erika");
    assertThat(person.get(0).errors()).isEmpty();
    assertThat(person.get(2).value()).isEqualTo("(leer)");
    assertThat(person.get(2).errors()).containsExactly("Bitte geben Sie Ihr Geburtsdatum an.");
  }

  @Test
  void theFeeFollowsTheChoiceOrSaysItIsNotKnownYet() throws Exception {
    FormDefinition form = StepValuesTest.melde();
    Map<String, String> bundle =
        Map.of("application.fee.none", "keine", "application.fee.unknown", "noch offen");

    assertThat(
            ApplyReview.fee(
                form,
                ApplyDisplay.read("{\"certificateType\":\"extended\"}"),
                Locale.GERMANY,
                bundle::get))
        .isEqualTo("15,00 €");
    assertThat(ApplyReview.fee(form, ApplyDisplay.read("{}"), Locale.GERMANY, bundle::get))
        .isEqualTo("noch offen");
  }
}
