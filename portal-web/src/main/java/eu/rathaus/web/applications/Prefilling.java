package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Prefill;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.registers.residents.domain.Address;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.Resident;
import java.util.LinkedHashMap;
import java.util.List;
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
    return form.fields().stream()
        .anyMatch(
            f -> f.prefill() != null && f.prefill().source().origin() == Prefill.Origin.REGISTER);
  }

  /** True if a field offers the household (only then are its members read). */
  static boolean needsHousehold(FormDefinition form) {
    return form.fields().stream()
        .anyMatch(
            f -> f.prefill() != null && f.prefill().source() == Prefill.Source.REGISTER_HOUSEHOLD);
  }

  /**
   * Field key → the value its source gives, in the form's answer shape, for every field with a
   * prefill whose source has a value for this citizen.
   */
  static ObjectNode values(FormDefinition form, Map<String, String> eid, Optional<Resident> own) {
    return values(form, eid, own, List.of());
  }

  /**
   * The same, with the members of her household (read through the register's own-household view,
   * V55) for a field that offers them: one member per line ({@link HouseholdMember#line()}).
   */
  static ObjectNode values(
      FormDefinition form,
      Map<String, String> eid,
      Optional<Resident> own,
      List<HouseholdMember> household) {
    ObjectNode values = JSON.createObjectNode();
    for (FieldDefinition field : form.fields()) {
      if (field.prefill() != null) {
        value(field.prefill().source(), eid, own, household)
            .ifPresent(v -> values.set(field.key(), v));
      }
    }
    return values;
  }

  private static Optional<JsonNode> value(
      Prefill.Source source,
      Map<String, String> eid,
      Optional<Resident> own,
      List<HouseholdMember> household) {
    return switch (source) {
      case EID_GIVEN_NAME -> text(eid.get("givenName"));
      case EID_FAMILY_NAME -> text(eid.get("familyName"));
      case EID_BIRTH_DATE ->
          text(eid.get("birthDate")).filter(d -> d.asText().matches("\\d{4}-\\d{2}-\\d{2}"));
      // A real eID broker sends the address as one formatted text; the form's address has parts.
      case EID_ADDRESS -> Optional.empty();
      case REGISTER_ADDRESS -> own.flatMap(Resident::mainResidence).map(Prefilling::address);
      case REGISTER_NATIONALITY -> own.flatMap(r -> text(r.nationality()));
      // Names and birth dates only, through V55's view of her own household.
      case REGISTER_HOUSEHOLD ->
          household.isEmpty()
              ? Optional.empty()
              : text(
                  household.stream()
                      .map(HouseholdMember::line)
                      .collect(java.util.stream.Collectors.joining("\n")));
    };
  }

  private static Optional<JsonNode> text(String value) {
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(JSON.getNodeFactory().textNode(value.strip()));
  }

  private static JsonNode address(Address a) {
    ObjectNode address = JSON.createObjectNode();
    address.put("street", a.street());
    address.put("houseNumber", a.houseNumber());
    address.put("postalCode", a.postcode());
    address.put("city", a.town());
    return address;
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
    return field.prefill() != null && !field.prefill().editable() && prefilled.has(field.key());
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
    Map<String, String> sources = new LinkedHashMap<>();
    for (FieldDefinition field : form.fields()) {
      JsonNode given = prefilled.get(field.key());
      if (field.prefill() != null && given != null && given.equals(answers.get(field.key()))) {
        sources.put(field.key(), field.prefill().source().key());
      }
    }
    return sources;
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
