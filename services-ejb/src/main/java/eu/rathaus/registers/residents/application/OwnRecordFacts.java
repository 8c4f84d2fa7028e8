package eu.rathaus.registers.residents.application;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rathaus.applications.application.PrefillValues;
import eu.rathaus.applications.application.RegisterFacts;
import eu.rathaus.catalogue.domain.Prefill;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.registers.residents.domain.Resident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The citizen's own register record as prefill facts ({@link RegisterFacts}): read through {@link
 * OwnRecord} (her scope, audited), the current main residence, the nationality and the other
 * members of her household, one {@link HouseholdMember#line()} each ("Sabine Mustermann,
 * 23.11.1982"), the shape a change of address names who moves along in.
 */
@ApplicationScoped
public class OwnRecordFacts implements RegisterFacts {

  @Inject OwnRecord ownRecord;

  @Override
  public Map<Prefill.Source, JsonNode> of(UUID municipality, String eidPseudonym, String purpose) {
    try {
      return facts(ownRecord.read(municipality, eidPseudonym, purpose));
    } catch (RegisterUnavailable e) {
      throw new Unavailable(e.getMessage(), e);
    }
  }

  /** The facts of a record already read (the application form reads it itself). */
  public static Map<Prefill.Source, JsonNode> facts(Optional<Resident> own) {
    Map<Prefill.Source, JsonNode> facts = new EnumMap<>(Prefill.Source.class);
    own.ifPresent(
        r -> {
          r.mainResidence()
              .ifPresent(
                  a ->
                      facts.put(
                          Prefill.Source.REGISTER_ADDRESS,
                          PrefillValues.address(
                              a.street(), a.houseNumber(), a.postcode(), a.town())));
          if (r.nationality() != null && !r.nationality().isBlank()) {
            facts.put(
                Prefill.Source.REGISTER_NATIONALITY,
                com.fasterxml.jackson.databind.node.TextNode.valueOf(r.nationality().strip()));
          }
          if (!r.household().isEmpty()) {
            facts.put(
                Prefill.Source.REGISTER_HOUSEHOLD,
                PrefillValues.texts(r.household().stream().map(OwnRecordFacts::member).toList()));
          }
        });
    return facts;
  }

  private static String member(HouseholdMember m) {
    return m.line();
  }
}
