package eu.rathaus.applications.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Prefill;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a form's prefill sources give a citizen (issue 13), and their enforcement: pure rules
 * shared by the application form (which shows them) and the submission (which enforces them).
 *
 * <p>Sources: the eID's facts as the broker asserts them (given and family name, birth date, the
 * address — structured OIDC parts or the formatted text, split into street, house number, postcode
 * and town), and the citizen's own register record (current main residence, nationality, the other
 * members of her household), which the registers capability gives as {@link RegisterFacts}.
 *
 * <p>A field the service does not let the citizen change ({@code "editable": false}) and for which
 * the source has a value is <em>replaced</em> at submission by the source's value when the
 * submitted one differs: such a value can only come from a tampered request or a draft older than
 * the source's current value, and the source is what the municipality relies on. A field whose
 * source has no value for this citizen stays what she typed.
 */
public final class PrefillValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STREET_LINE =
      Pattern.compile("^(.*\\S)\\s+(\\d+\\s?[a-zA-Z]?(?:\\s?[-/]\\s?\\d+\\s?[a-zA-Z]?)?)$");
  private static final Pattern TOWN_LINE = Pattern.compile("^(?:D-\\s?)?(\\d{5})\\s+(.+)$");

  private PrefillValues() {}

  /** True if any field of the form is prefilled from the register (only then is it read). */
  public static boolean needsRegister(FormDefinition form) {
    return form.fields().stream()
        .anyMatch(
            f -> f.prefill() != null && f.prefill().source().origin() == Prefill.Origin.REGISTER);
  }

  /**
   * Field key → the value its source gives, in the form's answer shape, for every field with a
   * prefill whose source has a value for this citizen.
   *
   * @param eid the eID facts ({@code givenName}, {@code familyName}, {@code birthDate}, {@code
   *     birthPlace}, {@code address} formatted, {@code address.street_address}, {@code
   *     address.postal_code}, {@code address.locality})
   * @param register the register's facts of her own record (see {@link RegisterFacts}); empty if
   *     none
   */
  public static ObjectNode values(
      FormDefinition form, Map<String, String> eid, Map<Prefill.Source, JsonNode> register) {
    ObjectNode values = JSON.createObjectNode();
    for (FieldDefinition field : form.fields()) {
      if (field.prefill() != null) {
        value(field, eid, register).ifPresent(v -> values.set(field.key(), v));
      }
    }
    return values;
  }

  private static Optional<JsonNode> value(
      FieldDefinition field, Map<String, String> eid, Map<Prefill.Source, JsonNode> register) {
    Prefill.Source source = field.prefill().source();
    return switch (source) {
      case EID_GIVEN_NAME -> text(eid.get("givenName"));
      case EID_FAMILY_NAME -> text(eid.get("familyName"));
      case EID_BIRTH_DATE ->
          text(eid.get("birthDate")).filter(d -> d.asText().matches("\\d{4}-\\d{2}-\\d{2}"));
      case EID_BIRTH_PLACE -> text(eid.get("birthPlace"));
      case EID_ADDRESS -> eidAddress(eid).map(JsonNode.class::cast);
      case REGISTER_ADDRESS -> Optional.ofNullable(register.get(source)).filter(JsonNode::isObject);
      case REGISTER_NATIONALITY ->
          Optional.ofNullable(register.get(source)).flatMap(n -> text(n.asText(null)));
      case REGISTER_HOUSEHOLD ->
          Optional.ofNullable(register.get(source))
              .filter(h -> h.isArray() && !h.isEmpty())
              .flatMap(h -> text(household(h, field.type() == FieldType.LONG_TEXT)));
    };
  }

  /** The household (one text per member) as one member a line (long text) or by semicolons. */
  static String household(JsonNode members, boolean lines) {
    List<String> texts = new ArrayList<>();
    members.forEach(m -> texts.add(m.asText()));
    return String.join(lines ? "\n" : "; ", texts);
  }

  /**
   * The eID's address in the answer shape of a postal address: the structured OIDC claim's parts if
   * the broker sent them, else the formatted text ("Heidestraße 17\n91099 Musterstadt", also with
   * commas or a country line); empty if it cannot be split safely.
   */
  static Optional<ObjectNode> eidAddress(Map<String, String> eid) {
    String street = eid.get("address.street_address");
    String postcode = eid.get("address.postal_code");
    String town = eid.get("address.locality");
    if (street != null && postcode != null && town != null) {
      return streetAndTown(street.strip(), postcode.strip() + " " + town.strip());
    }
    String formatted = eid.get("address");
    if (formatted == null) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    for (String line : formatted.split("[\\n\\r,]+")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    for (int i = 1; i < lines.size(); i++) {
      if (TOWN_LINE.matcher(lines.get(i)).matches()) {
        return streetAndTown(lines.get(i - 1), lines.get(i));
      }
    }
    return Optional.empty();
  }

  private static Optional<ObjectNode> streetAndTown(String streetLine, String townLine) {
    Matcher s = STREET_LINE.matcher(streetLine);
    Matcher t = TOWN_LINE.matcher(townLine);
    if (!s.matches() || !t.matches()) {
      return Optional.empty();
    }
    return Optional.of(address(s.group(1), s.group(2).replace(" ", ""), t.group(1), t.group(2)));
  }

  /** A postal address in the form's answer shape. */
  public static ObjectNode address(
      String street, String houseNumber, String postcode, String town) {
    ObjectNode address = JSON.createObjectNode();
    address.put("street", street);
    address.put("houseNumber", houseNumber);
    address.put("postalCode", postcode);
    address.put("city", town);
    return address;
  }

  /** A list of texts, as the register gives the household. */
  public static ArrayNode texts(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static Optional<JsonNode> text(String value) {
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(JSON.getNodeFactory().textNode(value.strip()));
  }

  /** Whether the citizen may not change this field's value (prefilled and not editable). */
  public static boolean locked(FieldDefinition field, ObjectNode prefilled) {
    return field.prefill() != null && !field.prefill().editable() && prefilled.has(field.key());
  }

  /**
   * Puts the source's value into every locked field of the form whose answer differs from it;
   * returns the keys of the fields replaced.
   */
  public static List<String> enforceLocked(
      FormDefinition form, ObjectNode answers, ObjectNode prefilled) {
    List<String> replaced = new ArrayList<>();
    for (FieldDefinition field : form.fields()) {
      if (locked(field, prefilled)) {
        JsonNode source = prefilled.get(field.key());
        if (!source.equals(answers.get(field.key()))) {
          answers.set(field.key(), source.deepCopy());
          replaced.add(field.key());
        }
      }
    }
    return replaced;
  }

  /** Field key → source key for every answer that is the value its source gave. */
  public static Map<String, String> sources(
      FormDefinition form, JsonNode answers, ObjectNode prefilled) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (FieldDefinition field : form.fields()) {
      JsonNode given = prefilled.get(field.key());
      if (field.prefill() != null && given != null && given.equals(answers.get(field.key()))) {
        sources.put(field.key(), field.prefill().source().key());
      }
    }
    return sources;
  }
}
