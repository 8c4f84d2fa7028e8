package eu.rathaus.catalogue.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a multi-step form; drafts are saved after each step. {@code fimId}: the FIM field
 * group it was imported from, or null.
 */
public record StepDefinition(
    String key, LocalizedText title, List<FieldDefinition> fields, String fimId)
    implements Serializable {

  public StepDefinition {
    fields = List.copyOf(fields);
  }
}
