package eu.rathaus.catalogue.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Decides which fields a citizen sees, given the answers so far. The renderer and the server-side
 * validation must agree exactly, so both call this one method.
 *
 * <p>A field whose condition points to a hidden field is hidden too: an answer left over from
 * before the citizen changed their mind must not keep a whole branch of the form alive.
 */
public final class Visibility {

  private Visibility() {}

  public static Set<String> visibleFields(FormDefinition definition, JsonNode answers) {
    Set<String> visible = new LinkedHashSet<>();
    for (FieldDefinition field : definition.fields()) {
      if (isShown(field, definition, answers, visible)) {
        visible.add(field.key());
      }
    }
    return visible;
  }

  private static boolean isShown(
      FieldDefinition field,
      FormDefinition definition,
      JsonNode answers,
      Set<String> visibleSoFar) {
    VisibilityCondition condition = field.visibleIf();
    if (condition == null) {
      return true;
    }
    if (!visibleSoFar.contains(condition.fieldKey()) || answers == null || !answers.isObject()) {
      return false;
    }
    JsonNode value = answers.get(condition.fieldKey());
    if (value == null || value.isNull()) {
      return false;
    }
    FieldDefinition source = definition.field(condition.fieldKey()).orElseThrow();
    return switch (source.type()) {
      case YES_NO ->
          AnswerValidator.yesNo(value)
              .map(b -> b.toString().equals(condition.value()))
              .orElse(false);
      case MULTIPLE_CHOICE -> {
        if (!value.isArray()) {
          yield false;
        }
        for (JsonNode item : value) {
          if (item.isTextual() && item.textValue().equals(condition.value())) {
            yield true;
          }
        }
        yield false;
      }
      default -> value.isTextual() && value.textValue().equals(condition.value());
    };
  }
}
