package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rathaus.applications.domain.AnswerDisplay;
import eu.rathaus.catalogue.domain.Choice;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One field as the page renders it: texts in the reader's language, the current value, the messages
 * at the field, and ready-made ids for labels and {@code aria-describedby}. Bean getters only (EL
 * 5).
 */
public class FieldView implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final FieldType type;
  private final String label;
  private final String help;
  private final boolean required;
  private final String value;
  private final List<Option> options = new ArrayList<>();
  private final List<Part> parts = new ArrayList<>();
  private final List<String> errors;
  private String prefillNote;
  private boolean locked;

  FieldView(
      FieldDefinition field,
      JsonNode answer,
      Locale locale,
      Map<String, List<String>> errorsByTarget,
      Map<String, String> partLabels) {
    this.key = field.key();
    this.type = field.type();
    this.label = field.label().in(locale);
    this.help = field.help() == null ? null : field.help().in(locale);
    this.required = field.required();
    this.errors = errorsByTarget.getOrDefault(key, List.of());
    Set<String> selected = new HashSet<>();
    if (answer != null && answer.isArray()) {
      answer.forEach(a -> selected.add(a.asText()));
    } else if (answer != null && answer.isValueNode()) {
      selected.add(answer.asText());
    }
    if (type == FieldType.DATE && answer != null && answer.isTextual()) {
      this.value = AnswerDisplay.date(answer.textValue(), Locale.GERMAN);
    } else {
      this.value = answer != null && answer.isValueNode() ? answer.asText() : "";
    }
    for (Choice choice : field.choices()) {
      options.add(
          new Option(
              getInputId() + "-" + choice.key(),
              choice.key(),
              choice.label().in(locale),
              selected.contains(choice.key())));
    }
    if (type == FieldType.YES_NO) {
      options.add(
          new Option(
              getInputId() + "-true", "true", partLabels.get("yes"), selected.contains("true")));
      options.add(
          new Option(
              getInputId() + "-false", "false", partLabels.get("no"), selected.contains("false")));
    }
    if (type == FieldType.POSTAL_ADDRESS) {
      for (String part : StepValues.ADDRESS_PARTS) {
        JsonNode v = answer == null ? null : answer.get(part);
        parts.add(
            new Part(
                getInputId() + "-" + part,
                getName() + "." + part,
                partLabels.get(part),
                v == null ? "" : v.asText(),
                errorsByTarget.getOrDefault(key + "." + part, List.of()),
                part));
      }
    }
  }

  /**
   * A field with no answer and no errors, as a citizen first meets it: used by the form builder's
   * live preview, which renders through the same fragment as the citizen's form.
   */
  public static FieldView blank(FieldDefinition field, Locale locale, Map<String, String> words) {
    return new FieldView(field, null, locale, Map.of(), words);
  }

  public String getKey() {
    return key;
  }

  /** The renderer branch: text, longText, number, date, … as in the definition JSON. */
  public String getKind() {
    return switch (type) {
      case TEXT, NUMBER, DATE, EMAIL, PHONE, IBAN -> "input";
      case LONG_TEXT -> "longText";
      case YES_NO, SINGLE_CHOICE -> "single";
      case MULTIPLE_CHOICE -> "multiple";
      case POSTAL_ADDRESS -> "address";
      case FILE -> "file";
    };
  }

  public String getHtmlType() {
    return switch (type) {
      case EMAIL -> "email";
      case PHONE -> "tel";
      default -> "text";
    };
  }

  public String getInputMode() {
    return switch (type) {
      case NUMBER -> "decimal";
      case DATE -> "numeric";
      case EMAIL -> "email";
      case PHONE -> "tel";
      default -> "text";
    };
  }

  public String getAutocomplete() {
    return switch (key) {
      case "firstNames" -> "given-name";
      case "lastName" -> "family-name";
      case "email" -> "email";
      case "phone" -> "tel";
      default -> type == FieldType.EMAIL ? "email" : "off";
    };
  }

  /** Format hint shown for dates (people type 24.12.2026). */
  public boolean isDate() {
    return type == FieldType.DATE;
  }

  public String getInputId() {
    return "a-" + key;
  }

  public String getName() {
    return StepValues.PREFIX + key;
  }

  public String getLabel() {
    return label;
  }

  public String getHelp() {
    return help;
  }

  public boolean isHasHelp() {
    return help != null && !help.isBlank();
  }

  public boolean isRequired() {
    return required;
  }

  public String getValue() {
    return value;
  }

  public List<Option> getOptions() {
    return options;
  }

  public List<Part> getParts() {
    return parts;
  }

  public List<String> getErrors() {
    return errors;
  }

  public boolean isInvalid() {
    return !errors.isEmpty();
  }

  /** Always names the (possibly empty) error container, plus the help text when there is one. */
  public String getDescribedBy() {
    return (isHasHelp() ? getInputId() + "-help " : "")
        + (prefillNote != null ? getInputId() + "-source " : "")
        + getInputId()
        + "-error";
  }

  /** Marks the value as prefilled ({@code note}: where it comes from) and maybe not changeable. */
  void prefilled(String note, boolean locked) {
    this.prefillNote = note;
    this.locked = locked;
  }

  /** "aus dem Melderegister", "aus Ihrem Personalausweis"; null if the value is not prefilled. */
  public String getPrefillNote() {
    return prefillNote;
  }

  /** The citizen may not change the prefilled value (rendered read-only, kept on saving). */
  public boolean isLocked() {
    return locked;
  }

  /** One radio button or checkbox. */
  public record Option(String id, String value, String label, boolean selected)
      implements Serializable {
    public String getId() {
      return id;
    }

    public String getValue() {
      return value;
    }

    public String getLabel() {
      return label;
    }

    public boolean isSelected() {
      return selected;
    }
  }

  /** One line of a German postal address. */
  public record Part(
      String id, String name, String label, String value, List<String> errors, String part)
      implements Serializable {
    public String getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getLabel() {
      return label;
    }

    public String getValue() {
      return value;
    }

    public List<String> getErrors() {
      return errors;
    }

    public boolean isInvalid() {
      return !errors.isEmpty();
    }

    public String getAutocomplete() {
      return switch (part) {
        case "postalCode" -> "postal-code";
        case "city" -> "address-level2";
        default -> "off";
      };
    }

    public String getInputMode() {
      return "postalCode".equals(part) ? "numeric" : "text";
    }
  }
}
