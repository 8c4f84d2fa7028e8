package eu.rathaus.registers.residents.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.registers.residents.domain.MoveRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a change of address from the answers of the change-of-address form ({@code
 * catalogue/templates/wohnsitz-ummelden.json}): field keys {@code moveKind}, {@code movingDate},
 * {@code newAddress}, {@code movers}, {@code landlordConfirmation}, {@code landlordDocument},
 * {@code landlordCode}. Anything missing or unreadable comes back empty, for the rules to name.
 */
final class MoveAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The applicant's names and birth date as she gave them (for an Anmeldung). */
  record Person(String givenNames, String familyName, LocalDate birthDate) {
    boolean complete() {
      return givenNames != null
          && !givenNames.isBlank()
          && familyName != null
          && !familyName.isBlank()
          && birthDate != null;
    }
  }

  private MoveAnswers() {}

  static MoveRequest request(String answersJson) {
    JsonNode a = read(answersJson);
    MoveRequest.NewAddress newAddress = address(a.path("newAddress"));
    String movers = text(a, "movers");
    boolean byCode = "code".equals(text(a, "landlordConfirmation"));
    JsonNode document = a.path("landlordDocument");
    boolean uploaded =
        !byCode
            && (document.isArray() && !document.isEmpty()
                || document.isTextual() && !document.asText().isBlank());
    return new MoveRequest(
        "fromElsewhere".equals(text(a, "moveKind"))
            ? MoveRequest.Kind.FROM_ELSEWHERE
            : MoveRequest.Kind.WITHIN,
        date(text(a, "movingDate")),
        newAddress,
        movers == null ? List.of() : Arrays.asList(movers.split("\\R")),
        uploaded,
        byCode ? text(a, "landlordCode") : null);
  }

  /**
   * The address she lived at before ({@code currentAddress}: for an Ummeldung the register's, for
   * an Anmeldung the one elsewhere that she typed); null unless all four parts are there.
   */
  static MoveRequest.NewAddress previousAddress(String answersJson) {
    MoveRequest.NewAddress address = address(read(answersJson).path("currentAddress"));
    return address != null && address.complete() ? address : null;
  }

  private static MoveRequest.NewAddress address(JsonNode address) {
    return address.isObject()
        ? new MoveRequest.NewAddress(
            text(address, "street"),
            text(address, "houseNumber"),
            text(address, "postalCode"),
            text(address, "city"))
        : null;
  }

  static Person person(String answersJson) {
    JsonNode a = read(answersJson);
    return new Person(text(a, "firstNames"), text(a, "lastName"), date(text(a, "birthDate")));
  }

  private static LocalDate date(String value) {
    try {
      return value == null ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isTextual() ? v.asText() : null;
  }

  private static JsonNode read(String json) {
    try {
      JsonNode node = json == null ? null : JSON.readTree(json);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
