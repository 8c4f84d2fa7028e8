package eu.rathaus.catalogue.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One field of a form. Limits that do not apply to a type are null (the JSON Schema refuses them,
 * e.g. a {@code maxValue} on a text field), so a reader of this record can rely on what is set.
 *
 * <p>{@code fimId} is the id of the FIM data field the field was imported from (XDatenfelder), or
 * null for fields made in the builder.
 */
public record FieldDefinition(
    String key,
    FieldType type,
    LocalizedText label,
    LocalizedText help,
    boolean required,
    Integer minLength,
    Integer maxLength,
    BigDecimal minValue,
    BigDecimal maxValue,
    String pattern,
    List<Choice> choices,
    VisibilityCondition visibleIf,
    boolean notificationAddress,
    String fimId,
    Prefill prefill)
    implements Serializable {

  public FieldDefinition {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** A field without prefill (as every field was before prefill existed). */
  public FieldDefinition(
      String key,
      FieldType type,
      LocalizedText label,
      LocalizedText help,
      boolean required,
      Integer minLength,
      Integer maxLength,
      BigDecimal minValue,
      BigDecimal maxValue,
      String pattern,
      List<Choice> choices,
      VisibilityCondition visibleIf,
      boolean notificationAddress,
      String fimId) {
    this(
        key,
        type,
        label,
        help,
        required,
        minLength,
        maxLength,
        minValue,
        maxValue,
        pattern,
        choices,
        visibleIf,
        notificationAddress,
        fimId,
        null);
  }

  public Optional<Choice> choice(String choiceKey) {
    return choices.stream().filter(c -> c.key().equals(choiceKey)).findFirst();
  }
}
