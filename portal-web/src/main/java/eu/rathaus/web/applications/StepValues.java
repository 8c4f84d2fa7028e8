package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.domain.AnswerDisplay;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.StepDefinition;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one step's answers out of a plain HTML form post into the JSON the answer validator checks.
 *
 * <p>The form uses plain inputs named {@code a.<field key>} (address parts {@code a.<key>.street}
 * …) rather than Faces input components, because the set of fields is data, not markup, and plain
 * names keep the form usable without JavaScript and easy to reason about. Nothing is judged here:
 * values are passed on as typed (only surrounding spaces of single-line fields go, and a German
 * date is turned into ISO), and the server-side validation decides.
 */
public final class StepValues {

  static final String PREFIX = "a.";
  static final List<String> ADDRESS_PARTS = List.of("street", "houseNumber", "postalCode", "city");

  private StepValues() {}

  public static ObjectNode read(StepDefinition step, Map<String, String[]> params) {
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    for (FieldDefinition field : step.fields()) {
      String name = PREFIX + field.key();
      switch (field.type()) {
        case FILE -> {
          // Uploads come with the attachments feature; nothing to read yet.
        }
        case MULTIPLE_CHOICE -> {
          String[] chosen = params.get(name);
          if (chosen != null) {
            Set<String> distinct = new LinkedHashSet<>();
            for (String c : chosen) {
              if (c != null && !c.isBlank()) {
                distinct.add(c);
              }
            }
            if (!distinct.isEmpty()) {
              ArrayNode array = values.putArray(field.key());
              distinct.forEach(array::add);
            }
          }
        }
        case POSTAL_ADDRESS -> {
          ObjectNode address = JsonNodeFactory.instance.objectNode();
          boolean any = false;
          for (String part : ADDRESS_PARTS) {
            String v = first(params, name + "." + part);
            v = v == null ? "" : v.strip();
            any |= !v.isEmpty();
            address.put(part, v);
          }
          if (any) {
            values.set(field.key(), address);
          }
        }
        case LONG_TEXT -> {
          String v = first(params, name);
          if (v != null && !v.isBlank()) {
            values.put(field.key(), v);
          }
        }
        case DATE -> {
          String v = first(params, name);
          if (v != null && !v.isBlank()) {
            values.put(field.key(), AnswerDisplay.parseDate(v));
          }
        }
        default -> {
          String v = first(params, name);
          if (v != null && !v.isBlank()) {
            values.put(field.key(), v.strip());
          }
        }
      }
    }
    return values;
  }

  private static String first(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    return v == null || v.length == 0 ? null : v[0];
  }

  /**
   * The files chosen in this step's file inputs ({@code a.<key>}), by field key; empty inputs are
   * skipped.
   */
  static Map<String, Part> chosenFiles(StepDefinition step, Object request) {
    Map<String, Part> chosen = new LinkedHashMap<>();
    if (!(request instanceof HttpServletRequest http)
        || http.getContentType() == null
        || !http.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return chosen;
    }
    for (FieldDefinition field : step.fields()) {
      if (field.type() != FieldType.FILE) {
        continue;
      }
      try {
        Part part = http.getPart(PREFIX + field.key());
        String name = part == null ? null : part.getSubmittedFileName();
        if (part != null && name != null && !name.isEmpty()) {
          chosen.put(field.key(), part);
        }
      } catch (IOException | ServletException | IllegalStateException e) {
        // Larger than the servlet's multipart limit: the same answer as the service's size check.
        chosen.remove(field.key());
      }
    }
    return chosen;
  }
}
