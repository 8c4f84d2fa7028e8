package eu.rathaus.catalogue.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A shared template as a JSON file: service key, category, title and description in German and
 * English, and the form ({@code form}, checked by {@link FormDefinitionValidator}). This is the
 * format the demo templates ship in and the one municipalities can exchange.
 */
public record TemplateDocument(
    String serviceKey,
    String category,
    LocalizedText title,
    LocalizedText description,
    FormDefinitionValidator.Result form) {

  /** Reads and checks a template file; the problems list is empty when it can be stored. */
  public static Read read(String json) {
    JsonNode node;
    try {
      node = FormDefinitionValidator.parseJson(json);
    } catch (JsonProcessingException e) {
      return new Read(
          null, List.of(Problem.of("", "catalogue.definition.notJson", e.getOriginalMessage())));
    }
    List<Problem> problems = new ArrayList<>();
    for (String field : List.of("serviceKey", "category")) {
      if (!node.path(field).isTextual() || node.path(field).textValue().isBlank()) {
        problems.add(Problem.of(field, "catalogue.definition.schema", field, "missing"));
      }
    }
    for (String field : List.of("title", "description")) {
      if (!node.path(field).path("de").isTextual() || !node.path(field).path("en").isTextual()) {
        problems.add(
            Problem.of(field, "catalogue.definition.schema", field, "de and en are required"));
      }
    }
    FormDefinitionValidator.Result form = FormDefinitionValidator.validate(node.path("form"));
    problems.addAll(form.problems());
    if (!problems.isEmpty()) {
      return new Read(null, problems);
    }
    return new Read(
        new TemplateDocument(
            node.get("serviceKey").textValue(),
            node.get("category").textValue(),
            new LocalizedText(
                node.get("title").get("de").textValue(), node.get("title").get("en").textValue()),
            new LocalizedText(
                node.get("description").get("de").textValue(),
                node.get("description").get("en").textValue()),
            form),
        List.of());
  }

  /** Outcome of reading a template file. */
  public record Read(TemplateDocument template, List<Problem> problems) {
    public Read {
      problems = List.copyOf(problems);
    }

    public boolean isValid() {
      return problems.isEmpty();
    }
  }
}
