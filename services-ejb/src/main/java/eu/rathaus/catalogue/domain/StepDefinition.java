package eu.rathaus.catalogue.domain;

import java.io.Serializable;
import java.util.List;

/** One page of a multi-step form; drafts are saved after each step. */
public record StepDefinition(String key, LocalizedText title, List<FieldDefinition> fields)
    implements Serializable {

  public StepDefinition {
    fields = List.copyOf(fields);
  }
}
