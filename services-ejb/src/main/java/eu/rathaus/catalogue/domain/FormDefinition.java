package eu.rathaus.catalogue.domain;

import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.identity.LevelOfAssurance;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The content of a service version: its form and the rules around it. Built only by {@link
 * FormDefinitionValidator} from a JSON document that passed the schema and the semantic checks, so
 * an instance is always consistent (unique keys, conditions pointing backwards, fee field exists).
 */
public record FormDefinition(
    List<StepDefinition> steps,
    FeeRule fee,
    LevelOfAssurance levelOfAssurance,
    int processingDays,
    AttachmentRules attachments,
    boolean decideBeforePayment)
    implements Serializable {

  /**
   * Without the payment setting: a decision waits for the fee ({@code decideBeforePayment} false),
   * the safe default for services defined before payments existed.
   */
  public FormDefinition(
      List<StepDefinition> steps,
      FeeRule fee,
      LevelOfAssurance levelOfAssurance,
      int processingDays,
      AttachmentRules attachments) {
    this(steps, fee, levelOfAssurance, processingDays, attachments, false);
  }

  public FormDefinition {
    steps = List.copyOf(steps);
  }

  /** All fields in the order citizens meet them, across steps. */
  public List<FieldDefinition> fields() {
    return steps.stream().flatMap(s -> s.fields().stream()).toList();
  }

  /**
   * The e-mail field whose answer receives the application's notifications, if the form has one.
   */
  public Optional<FieldDefinition> notificationField() {
    return fields().stream().filter(FieldDefinition::notificationAddress).findFirst();
  }

  public Optional<FieldDefinition> field(String key) {
    return fields().stream().filter(f -> f.key().equals(key)).findFirst();
  }

  public Optional<StepDefinition> step(String key) {
    return steps.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
