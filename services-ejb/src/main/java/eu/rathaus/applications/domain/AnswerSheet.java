package eu.rathaus.applications.domain;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.catalogue.domain.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The answers of an application as people read them: step by step, the visible fields with their
 * labels and readable values, in the language asked for. One rendering for the citizen's review
 * page, the office's case page and the receipt, so the three never show the same answers
 * differently.
 */
public final class AnswerSheet {

  /**
   * One answer; {@code value} is the caller's "not answered" text when the field was left empty.
   */
  public record Row(String fieldKey, String label, String value) {}

  /** One step with the answers of its visible fields. */
  public record Step(int index, String title, List<Row> rows) {}

  /**
   * The words the sheet needs from the reader's bundle: yes, no and the text shown for an empty
   * answer.
   */
  public record Words(String yes, String no, String empty) {}

  private AnswerSheet() {}

  /**
   * @param fileName the name to show for an attachment id of a file answer, or empty to leave the
   *     file out
   */
  public static List<Step> of(
      FormDefinition form,
      JsonNode answers,
      Locale locale,
      Words words,
      Function<String, Optional<String>> fileName) {
    Set<String> visible = Visibility.visibleFields(form, answers);
    AnswerDisplay.YesNo yesNo = new AnswerDisplay.YesNo(words.yes(), words.no());
    List<Step> steps = new ArrayList<>();
    List<StepDefinition> definitions = form.steps();
    for (int i = 0; i < definitions.size(); i++) {
      List<Row> rows = new ArrayList<>();
      for (FieldDefinition field : definitions.get(i).fields()) {
        if (!visible.contains(field.key())) {
          continue;
        }
        String shown =
            field.type() == FieldType.FILE
                ? files(answers.get(field.key()), fileName)
                : AnswerDisplay.text(field, answers.get(field.key()), locale, yesNo);
        rows.add(
            new Row(
                field.key(), field.label().in(locale), shown.isEmpty() ? words.empty() : shown));
      }
      steps.add(new Step(i, definitions.get(i).title().in(locale), rows));
    }
    return steps;
  }

  private static String files(JsonNode ids, Function<String, Optional<String>> fileName) {
    List<String> names = new ArrayList<>();
    if (ids != null && ids.isArray()) {
      ids.forEach(id -> fileName.apply(id.asText()).ifPresent(names::add));
    }
    return String.join(", ", names);
  }
}
