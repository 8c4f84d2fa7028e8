package eu.rathaus.applications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.catalogue.domain.FormDefinition;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AnswerDisplayTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AnswerDisplay.YesNo WORDS = new AnswerDisplay.YesNo("Ja", "Nein");

  @Test
  void showsLabelsNotKeys() throws Exception {
    FormDefinition melde =
        DraftAnswersTest.template("/catalogue/templates/meldebescheinigung.json");
    var type = melde.field("certificateType").orElseThrow();

    assertThat(AnswerDisplay.text(type, JSON.readTree("\"extended\""), Locale.GERMAN, WORDS))
        .doesNotContain("extended")
        .isNotBlank();
    assertThat(
            AnswerDisplay.text(
                melde.field("birthDate").orElseThrow(),
                JSON.readTree("\"1964-08-12\""),
                Locale.GERMAN,
                WORDS))
        .isEqualTo("12.08.1964");
    assertThat(
            AnswerDisplay.text(
                melde.field("postalAddress").orElseThrow(),
                JSON.readTree(
                    "{\"street\":\"Hauptstr.\",\"houseNumber\":\"1a\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}"),
                Locale.GERMAN,
                WORDS))
        .isEqualTo("Hauptstr. 1a, 12345 Musterstadt");
  }

  @Test
  void yesNoInTheReadersWords() throws Exception {
    FormDefinition parking =
        DraftAnswersTest.template("/catalogue/templates/bewohnerparkausweis.json");
    var keeper = parking.field("isKeeper").orElseThrow();
    assertThat(AnswerDisplay.text(keeper, JSON.readTree("true"), Locale.GERMAN, WORDS))
        .isEqualTo("Ja");
    assertThat(AnswerDisplay.text(keeper, JSON.readTree("\"false\""), Locale.GERMAN, WORDS))
        .isEqualTo("Nein");
  }

  @Test
  void germanDatesAreReadIntoIsoAndNonsenseIsLeftForTheValidator() {
    assertThat(AnswerDisplay.parseDate(" 1.2.1990 ")).isEqualTo("1990-02-01");
    assertThat(AnswerDisplay.parseDate("1990-02-01")).isEqualTo("1990-02-01");
    assertThat(AnswerDisplay.parseDate("31.02.1990")).isEqualTo("31.02.1990");
    assertThat(AnswerDisplay.parseDate("gestern")).isEqualTo("gestern");
  }
}
