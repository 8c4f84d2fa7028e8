package eu.rathaus.applications.application;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rathaus.catalogue.domain.Prefill;
import java.util.Map;
import java.util.UUID;

/**
 * The facts of the citizen's own register record a form may be prefilled with (issue 13), in the
 * answers' shape: {@code register.address} a postal address object, {@code register.nationality} a
 * text, {@code register.household} a list of texts (one per member). Implemented by the registers
 * capability, which reads and audits the record; applications does not know the register itself.
 */
public interface RegisterFacts {

  /** Thrown when the register cannot be read right now (an external register service is away). */
  class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Her facts in {@code municipality}; empty if no record is linked to {@code eidPseudonym}.
   *
   * @throws Unavailable if the register cannot be read
   */
  Map<Prefill.Source, JsonNode> of(UUID municipality, String eidPseudonym, String purpose);
}
