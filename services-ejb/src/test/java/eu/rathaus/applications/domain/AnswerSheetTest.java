package eu.rathaus.applications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rendering of answers shared by the review page, the case page and the receipt. */
class AnswerSheetTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AnswerSheet.Words WORDS =
      new AnswerSheet.Words("Ja", "Nein", "(keine Angabe)");

  private static final FormDefinition FORM =
      FormDefinitionValidator.readTrusted(
          """
      {"formatVersion":1,"steps":[
        {"key":"one","title":{"de":"Eins","en":"One"},"fields":[
          {"key":"dog","type":"yesNo","label":{"de":"Hund?","en":"Dog?"},"required":true},
          {"key":"dogName","type":"text","label":{"de":"Name des Hundes","en":"Dog's name"},"visibleIf":{"field":"dog","equals":true}},
          {"key":"note","type":"text","label":{"de":"Notiz","en":"Note"}}]},
        {"key":"two","title":{"de":"Zwei","en":"Two"},"fields":[
          {"key":"proof","type":"file","label":{"de":"Nachweis","en":"Proof"}}]}],
       "fee":{"type":"fixed","currency":"EUR","amountCents":0},"levelOfAssurance":"LOW","processingDays":3,
       "attachments":{"maxCount":2,"maxSizeBytes":1048576,"allowedContentTypes":["application/pdf"]}}
      """);

  @Test
  void showsVisibleFieldsWithLabelsReadableValuesAndTheEmptyText() throws Exception {
    List<AnswerSheet.Step> steps =
        AnswerSheet.of(
            FORM,
            JSON.readTree("{\"dog\":false,\"note\":\"\"}"),
            Locale.GERMAN,
            WORDS,
            id -> Optional.empty());
    assertThat(steps).extracting(AnswerSheet.Step::title).containsExactly("Eins", "Zwei");
    // dogName is hidden (no dog), so it is not on the sheet at all.
    assertThat(steps.get(0).rows())
        .containsExactly(
            new AnswerSheet.Row("dog", "Hund?", "Nein"),
            new AnswerSheet.Row("note", "Notiz", "(keine Angabe)"));
  }

  @Test
  void filesAreNamedInTheOrderOfTheAnswerAndUnknownOnesAreLeftToTheCaller() throws Exception {
    Map<String, String> names = Map.of("a", "antrag.pdf", "b", "foto.jpg");
    var answers =
        JSON.readTree("{\"dog\":true,\"dogName\":\"Bello\",\"proof\":[\"b\",\"x\",\"a\"]}");
    List<AnswerSheet.Step> skipping =
        AnswerSheet.of(
            FORM, answers, Locale.ENGLISH, WORDS, id -> Optional.ofNullable(names.get(id)));
    assertThat(skipping.get(0).rows().get(1))
        .isEqualTo(new AnswerSheet.Row("dogName", "Dog's name", "Bello"));
    assertThat(skipping.get(1).rows().get(0).value()).isEqualTo("foto.jpg, antrag.pdf");
    List<AnswerSheet.Step> showingIds =
        AnswerSheet.of(
            FORM, answers, Locale.ENGLISH, WORDS, id -> Optional.of(names.getOrDefault(id, id)));
    assertThat(showingIds.get(1).rows().get(0).value()).isEqualTo("foto.jpg, x, antrag.pdf");
  }
}
