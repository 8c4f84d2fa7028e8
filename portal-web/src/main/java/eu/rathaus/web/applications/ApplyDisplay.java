package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.catalogue.domain.CatalogueMessages;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.catalogue.domain.Visibility;
import eu.rathaus.web.applications.ApplyRows.FileRow;
import eu.rathaus.web.applications.ApplyRows.ProgressItem;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/** What {@code citizen/apply.xhtml} shows of a form and its answers, in the citizen's language. */
final class ApplyDisplay {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApplyDisplay() {}

  /**
   * The progress list: every step with its title, and whether it is done, current or still to come.
   */
  static List<ProgressItem> progress(FormDefinition form, int stepIndex, Locale locale) {
    List<ProgressItem> items = new ArrayList<>();
    List<StepDefinition> steps = form.steps();
    for (int i = 0; i <= steps.size(); i++) {
      String title =
          i < steps.size() ? steps.get(i).title().in(locale) : text("application.review.title");
      items.add(new ProgressItem(i + 1, title, i == stepIndex, i < stepIndex));
    }
    return items;
  }

  /** The visible fields of {@code step} with the answers shown and the problems found. */
  static List<FieldView> fields(
      FormDefinition form,
      StepDefinition step,
      String shownAnswers,
      Locale locale,
      Map<String, List<String>> errors) {
    return fields(form, step, shownAnswers, locale, errors, Prefilling.read(null));
  }

  /**
   * The same, each field whose value is the one its prefill source gave marked with the source (and
   * read-only where the service does not let the citizen change it).
   */
  static List<FieldView> fields(
      FormDefinition form,
      StepDefinition step,
      String shownAnswers,
      Locale locale,
      Map<String, List<String>> errors,
      com.fasterxml.jackson.databind.node.ObjectNode prefilled) {
    JsonNode answers = read(shownAnswers);
    Set<String> visible = Visibility.visibleFields(form, answers);
    Map<String, String> words =
        Map.of(
            "yes",
            text("application.yes"),
            "no",
            text("application.no"),
            "street",
            text("application.address.street"),
            "houseNumber",
            text("application.address.houseNumber"),
            "postalCode",
            text("application.address.postalCode"),
            "city",
            text("application.address.city"));
    List<FieldView> fields = new ArrayList<>();
    for (FieldDefinition field : step.fields()) {
      if (visible.contains(field.key())) {
        FieldView view = new FieldView(field, answers.get(field.key()), locale, errors, words);
        JsonNode given = prefilled.get(field.key());
        if (field.prefill() != null && given != null && given.equals(answers.get(field.key()))) {
          view.prefilled(
              text("prefill.origin." + field.prefill().source().origin().name()),
              Prefilling.locked(field, prefilled));
        }
        fields.add(view);
      }
    }
    return fields;
  }

  /** True if a field of {@code step} decides whether another one on it is shown. */
  static boolean hasConditions(StepDefinition step) {
    Set<String> keys = new HashSet<>();
    step.fields().forEach(f -> keys.add(f.key()));
    return step.fields().stream()
        .anyMatch(f -> f.visibleIf() != null && keys.contains(f.visibleIf().fieldKey()));
  }

  /**
   * Puts each problem's text at its field ({@code errors}) and, with the field's label, into {@code
   * summary}.
   */
  static void problems(
      FormDefinition form,
      List<Problem> problems,
      Locale locale,
      Map<String, List<String>> errors,
      List<String> summary) {
    errors.clear();
    summary.clear();
    for (Problem problem : problems) {
      String text =
          isWebMessage(problem.messageKey())
              ? text(problem.messageKey(), problem.args().toArray())
              : CatalogueMessages.format(problem, locale);
      errors.computeIfAbsent(problem.target(), k -> new ArrayList<>()).add(text);
      String fieldKey =
          problem.target().contains(".")
              ? problem.target().substring(0, problem.target().indexOf('.'))
              : problem.target();
      String label = form.field(fieldKey).map(f -> f.label().in(locale)).orElse("");
      summary.add(label.isEmpty() ? text : label + ": " + text);
    }
  }

  /**
   * Upload refusals and the form's own file messages live in the web bundle, not the catalogue's.
   */
  private static boolean isWebMessage(String key) {
    return key.startsWith("upload.") || key.startsWith("attachment.");
  }

  /**
   * The files of a file field's answer ({@code ids}), in its order, found among the draft's {@code
   * files}.
   */
  static List<FileRow> files(JsonNode ids, List<AttachmentSummary> files, Locale locale) {
    List<FileRow> rows = new ArrayList<>();
    if (ids == null || !ids.isArray()) {
      return rows;
    }
    for (JsonNode id : ids) {
      files.stream()
          .filter(f -> f.id().toString().equals(id.asText()))
          .findFirst()
          .ifPresent(
              f ->
                  rows.add(
                      new FileRow(
                          f.id().toString(),
                          f.displayName(),
                          UploadSizes.format(f.sizeBytes(), locale),
                          readableType(f.contentType()))));
    }
    return rows;
  }

  /**
   * "Erlaubt: PDF, JPEG; höchstens 5 Dateien mit je höchstens 10 MB." for the file fields' help.
   */
  static String uploadRules(AttachmentRules rules) {
    String types =
        String.join(
            ", ", rules.allowedContentTypes().stream().map(ApplyDisplay::readableType).toList());
    return text("upload.rules", types, rules.maxCount(), rules.maxSizeBytes() / (1024 * 1024));
  }

  static String readableType(String contentType) {
    return contentType
        .substring(contentType.indexOf('/') + 1)
        .replaceFirst("^x-", "")
        .toUpperCase(Locale.ROOT);
  }

  static String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return MessageFormat.format(msg.getString(key), args);
  }

  static ObjectNode read(String json) {
    try {
      JsonNode node = JSON.readTree(json == null ? "{}" : json);
      return node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
    } catch (Exception e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }
}
