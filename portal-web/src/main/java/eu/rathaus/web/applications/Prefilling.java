package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.PrefillValues;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.registers.residents.application.OwnRecordFacts;
import eu.rathaus.registers.residents.domain.Resident;
import java.util.Map;
import java.util.Optional;

/**
 * Prefill of a form (issue 13), as rules without Faces: the values the declared sources give (the
 * eID's facts, the citizen's own register record), put into the answers where the citizen has given
 * none yet, kept unchanged in fields the service does not let her change, and at submission the
 * source of every value that still is the prefilled one.
 */
final class Prefilling {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Prefilling() {}

  /** True if any field of the form is prefilled from the register (only then is it read). */
  static boolean needsRegister(FormDefinition form) {
    return PrefillValues.needsRegister(form);
  }

  /**
   * Field key → the value its source gives, in the form's answer shape (the rules live in {@link
   * PrefillValues}, which the submission enforces too).
   */
  static ObjectNode values(FormDefinition form, Map<String, String> eid, Optional<Resident> own) {
    return PrefillValues.values(form, eid, OwnRecordFacts.facts(own));
  }

  /** The answers with the prefilled values in every field that has no answer yet. */
  static String withPrefill(String answersJson, ObjectNode prefilled) {
    ObjectNode answers = read(answersJson);
    prefilled
        .fields()
        .forEachRemaining(
            e -> {
              if (!answers.has(e.getKey()) || answers.get(e.getKey()).isNull()) {
                answers.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    return answers.toString();
  }

  /** Whether the citizen may not change this field's value (prefilled and not editable). */
  static boolean locked(FieldDefinition field, ObjectNode prefilled) {
    return PrefillValues.locked(field, prefilled);
  }

  /** Puts the prefilled value back into every locked field of {@code step} that was posted. */
  static void keepLocked(StepDefinition step, ObjectNode posted, ObjectNode prefilled) {
    for (FieldDefinition field : step.fields()) {
      if (locked(field, prefilled)) {
        posted.set(field.key(), prefilled.get(field.key()).deepCopy());
      }
    }
  }

  /** Field key → source key for every answer that is the value its source gave. */
  static Map<String, String> sources(FormDefinition form, JsonNode answers, ObjectNode prefilled) {
    return PrefillValues.sources(form, answers, prefilled);
  }

  static ObjectNode read(String json) {
    try {
      JsonNode node = json == null || json.isBlank() ? null : JSON.readTree(json);
      return node instanceof ObjectNode object ? object : JSON.createObjectNode();
    } catch (java.io.IOException e) {
      return JSON.createObjectNode();
    }
  }
}
