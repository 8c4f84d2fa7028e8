package eu.rathaus.notices.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addressee of a notice, read from the submitted answers. The portal stores no separate person
 * record (the eID identity is a subject, not a postal address), so the name and address are what
 * the citizen declared in the application: the catalogue's templates ask for {@code firstNames} and
 * {@code lastName} (or {@code recipientName}) and a postal address field {@code address} (or {@code
 * postalAddress}). A service without such fields gets a notice addressed without a name.
 */
public final class ApplicantAddress {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApplicantAddress() {}

  public static NoticeContent.Applicant fromAnswers(String answersJson) {
    JsonNode answers;
    try {
      answers = answersJson == null ? JSON.createObjectNode() : JSON.readTree(answersJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = join(" ", text(answers, "firstNames"), text(answers, "lastName"));
    if (name.isBlank()) {
      name = text(answers, "recipientName");
    }
    List<String> lines = new ArrayList<>();
    JsonNode address =
        answers.has("address") && answers.get("address").isObject()
            ? answers.get("address")
            : answers.get("postalAddress");
    if (address != null && address.isObject()) {
      String street = join(" ", text(address, "street"), text(address, "houseNumber"));
      String city = join(" ", text(address, "postalCode"), text(address, "city"));
      if (!street.isBlank()) {
        lines.add(street);
      }
      if (!city.isBlank()) {
        lines.add(city);
      }
    }
    return new NoticeContent.Applicant(name, lines);
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node == null ? null : node.get(key);
    return value != null && value.isValueNode() ? value.asText().strip() : "";
  }

  private static String join(String separator, String... parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (!part.isBlank()) {
        present.add(part);
      }
    }
    return String.join(separator, present);
  }
}
