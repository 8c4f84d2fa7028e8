package eu.rathaus.catalogue.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** Test fixture: one form using every field type, and helpers to derive broken variants from it. */
final class Forms {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Valid: every field type, a condition on a yes/no and on a choice, fee by choice. */
  static final String ALL_TYPES =
      """
      {
        "formatVersion": 1,
        "steps": [
          {
            "key": "person",
            "title": {"de": "Person", "en": "Person"},
            "fields": [
              {"key": "name", "type": "text", "label": {"de": "Name", "en": "Name"}, "required": true,
               "minLength": 2, "maxLength": 50},
              {"key": "plate", "type": "text", "label": {"de": "Kennzeichen", "en": "Plate"},
               "pattern": "^[A-Z]{1,3}-[A-Z]{1,2} [0-9]{1,4}$"},
              {"key": "notes", "type": "longText", "label": {"de": "Hinweise", "en": "Notes"}, "maxLength": 500},
              {"key": "age", "type": "number", "label": {"de": "Alter", "en": "Age"}, "minValue": 0, "maxValue": 130},
              {"key": "born", "type": "date", "label": {"de": "Geburtsdatum", "en": "Date of birth"}},
              {"key": "hasDog", "type": "yesNo", "label": {"de": "Hund?", "en": "Dog?"}, "required": true},
              {"key": "dogName", "type": "text", "label": {"de": "Name des Hundes", "en": "Dog's name"},
               "required": true, "visibleIf": {"field": "hasDog", "equals": true}}
            ]
          },
          {
            "key": "details",
            "title": {"de": "Details", "en": "Details"},
            "fields": [
              {"key": "size", "type": "singleChoice", "label": {"de": "Größe", "en": "Size"}, "required": true,
               "choices": [{"key": "small", "label": {"de": "Klein", "en": "Small"}},
                           {"key": "large", "label": {"de": "Groß", "en": "Large"}}]},
              {"key": "largeReason", "type": "longText", "label": {"de": "Warum groß?", "en": "Why large?"},
               "required": true, "visibleIf": {"field": "size", "equals": "large"}},
              {"key": "extras", "type": "multipleChoice", "label": {"de": "Extras", "en": "Extras"},
               "choices": [{"key": "a", "label": {"de": "A", "en": "A"}},
                           {"key": "b", "label": {"de": "B", "en": "B"}}]},
              {"key": "bNote", "type": "text", "label": {"de": "Zu B", "en": "About B"},
               "visibleIf": {"field": "extras", "equals": "b"}},
              {"key": "email", "type": "email", "label": {"de": "E-Mail", "en": "E-mail"}},
              {"key": "phone", "type": "phone", "label": {"de": "Telefon", "en": "Phone"}},
              {"key": "address", "type": "postalAddress", "label": {"de": "Anschrift", "en": "Address"}},
              {"key": "iban", "type": "iban", "label": {"de": "IBAN", "en": "IBAN"}},
              {"key": "proof", "type": "file", "label": {"de": "Nachweis", "en": "Proof"}}
            ]
          }
        ],
        "fee": {"type": "byChoice", "currency": "EUR", "field": "size", "amountsCents": {"small": 1250, "large": 3000}},
        "levelOfAssurance": "SUBSTANTIAL",
        "processingDays": 14,
        "attachments": {"maxCount": 2, "maxSizeBytes": 1048576, "allowedContentTypes": ["application/pdf"]}
      }
      """;

  private Forms() {}

  static FormDefinition allTypes() {
    FormDefinitionValidator.Result result = FormDefinitionValidator.validate(ALL_TYPES);
    if (!result.isValid()) {
      throw new AssertionError("fixture invalid: " + result.problems());
    }
    return result.definition();
  }

  /** ALL_TYPES with a change applied to its tree, as JSON text. */
  static String changed(Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(ALL_TYPES);
      change.accept(root);
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The field {@code key} of the fixture tree. */
  static ObjectNode field(ObjectNode root, String key) {
    for (JsonNode step : root.get("steps")) {
      for (JsonNode field : step.get("fields")) {
        if (field.get("key").asText().equals(key)) {
          return (ObjectNode) field;
        }
      }
    }
    throw new AssertionError("no field " + key);
  }

  static JsonNode answers(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
