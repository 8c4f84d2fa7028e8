package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.domain.AnswerSheet;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.web.applications.ApplyRows.ReviewRow;
import eu.rathaus.web.applications.ApplyRows.ReviewStep;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What the review step of the apply page shows, built without Faces so it can be tested. */
final class ApplyReview {

  private ApplyReview() {}

  /**
   * Every step with the answers of its visible fields as labels and readable values; file answers
   * by the files' names, each row with the problems found for its field.
   */
  static List<ReviewStep> steps(
      FormDefinition form,
      ObjectNode answers,
      List<AttachmentSummary> files,
      Locale locale,
      AnswerSheet.Words words,
      Map<String, List<String>> errors) {
    Map<String, String> names = new HashMap<>();
    files.forEach(f -> names.put(f.id().toString(), f.displayName()));
    return AnswerSheet.of(form, answers, locale, words, id -> Optional.ofNullable(names.get(id)))
        .stream()
        .map(
            step ->
                new ReviewStep(
                    step.index(),
                    step.title(),
                    step.rows().stream()
                        .map(
                            row ->
                                new ReviewRow(
                                    row.label(),
                                    row.value(),
                                    errors.getOrDefault(row.fieldKey(), List.of())))
                        .toList()))
        .toList();
  }

  /**
   * The fee for these answers, "keine" for zero, or the bundle's "unknown" line if it cannot be
   * computed.
   */
  static String fee(
      FormDefinition form, ObjectNode answers, Locale locale, Function<String, String> text) {
    return form.fee()
        .evaluate(answers)
        .map(money -> money.isZero() ? text.apply("application.fee.none") : money.format(locale))
        .orElseGet(() -> text.apply("application.fee.unknown"));
  }
}
