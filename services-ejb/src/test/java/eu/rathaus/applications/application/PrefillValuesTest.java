package eu.rathaus.applications.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.registers.residents.application.OwnRecordFacts;
import eu.rathaus.registers.residents.domain.Address;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.Residence;
import eu.rathaus.registers.residents.domain.Resident;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The prefill rules of issue 13 without a server: the eID's address (structured or formatted) and
 * the register's household give values, and at submission a read-only prefilled field is replaced
 * by its source's value while an editable one keeps what the citizen typed.
 */
class PrefillValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A form: names from the eID (family name read-only), eID address read-only, household. */
  private static FormDefinition form() throws Exception {
    String form =
        """
        {"formatVersion": 1, "steps": [{"key": "person", "title": {"de": "Person", "en": "Person"}, "fields": [
          {"key": "firstNames", "type": "text", "label": {"de": "Vornamen", "en": "Given names"},
           "required": true, "prefill": {"source": "eid.givenName", "editable": true}},
          {"key": "lastName", "type": "text", "label": {"de": "Familienname", "en": "Family name"},
           "required": true, "prefill": {"source": "eid.familyName", "editable": false}},
          {"key": "address", "type": "postalAddress", "label": {"de": "Anschrift", "en": "Address"},
           "required": true, "prefill": {"source": "eid.address", "editable": false}},
          {"key": "household", "type": "longText", "label": {"de": "Haushalt", "en": "Household"},
           "required": false, "prefill": {"source": "register.household", "editable": false}}
        ]}],
         "fee": {"type": "fixed", "currency": "EUR", "amountCents": 0},
         "levelOfAssurance": "SUBSTANTIAL", "processingDays": 3}
        """;
    FormDefinitionValidator.Result result = FormDefinitionValidator.validate(JSON.readTree(form));
    assertThat(result.problems()).isEmpty();
    return result.definition();
  }

  private static final Resident MAX =
      new Resident(
          UUID.randomUUID(),
          UUID.randomUUID(),
          "Max",
          "Mustermann",
          null,
          LocalDate.of(1980, 3, 2),
          "Köln",
          "deutsch",
          List.of(
              new Address(
                  "Lindenweg",
                  "3",
                  "91099",
                  "Musterstadt",
                  LocalDate.of(2019, 7, 15),
                  null,
                  Residence.MAIN)),
          List.of(
              new HouseholdMember(
                  UUID.randomUUID(),
                  "Sabine",
                  "Mustermann",
                  LocalDate.of(1982, 11, 23),
                  HouseholdMember.Relation.SPOUSE),
              new HouseholdMember(
                  UUID.randomUUID(),
                  "Lena",
                  "Mustermann",
                  LocalDate.of(2015, 5, 9),
                  HouseholdMember.Relation.CHILD)),
          List.of());

  @Test
  void theEidAddressIsSplitFromTheStructuredClaimOrTheFormattedText() {
    assertThat(
            PrefillValues.eidAddress(
                Map.of(
                    "address.street_address", "Heidestraße 17",
                    "address.postal_code", "91099",
                    "address.locality", "Musterstadt")))
        .hasValueSatisfying(
            a ->
                assertThat(a.toString())
                    .isEqualTo(
                        "{\"street\":\"Heidestraße\",\"houseNumber\":\"17\","
                            + "\"postalCode\":\"91099\",\"city\":\"Musterstadt\"}"));
    assertThat(
            PrefillValues.eidAddress(
                Map.of("address", "Am Alten Markt 4 b\n72099 Beispielheim\nD")))
        .hasValueSatisfying(
            a -> {
              assertThat(a.get("street").asText()).isEqualTo("Am Alten Markt");
              assertThat(a.get("houseNumber").asText()).isEqualTo("4b");
              assertThat(a.get("city").asText()).isEqualTo("Beispielheim");
            });
    assertThat(PrefillValues.eidAddress(Map.of("address", "Heidestraße 17, 91099 Musterstadt")))
        .map(a -> a.get("street").asText() + " " + a.get("houseNumber").asText())
        .hasValue("Heidestraße 17");
    assertThat(PrefillValues.eidAddress(Map.of("address", "irgendwo in Musterstadt"))).isEmpty();
    assertThat(PrefillValues.eidAddress(Map.of())).isEmpty();
  }

  @Test
  void theHouseholdIsOneMemberALineWithBirthDate() throws Exception {
    ObjectNode values =
        PrefillValues.values(form(), Map.of(), OwnRecordFacts.facts(Optional.of(MAX)));
    assertThat(values.get("household").asText())
        .isEqualTo("Sabine Mustermann, 23.11.1982\nLena Mustermann, 09.05.2015");
    assertThat(
            PrefillValues.household(
                values.get("household").isTextual() ? PrefillValues.texts(List.of("a", "b")) : null,
                false))
        .isEqualTo("a; b");
    assertThat(PrefillValues.values(form(), Map.of(), Map.of()).has("household")).isFalse();
  }

  @Test
  void aReadOnlyPrefilledFieldIsReplacedByItsSourceAnEditableOneKeepsTheAnswer() throws Exception {
    FormDefinition form = form();
    ObjectNode prefilled =
        PrefillValues.values(
            form,
            Map.of(
                "givenName", "Max",
                "familyName", "Mustermann",
                "address", "Lindenweg 3\n91099 Musterstadt"),
            OwnRecordFacts.facts(Optional.of(MAX)));
    ObjectNode submitted =
        (ObjectNode)
            JSON.readTree(
                """
                {"firstNames": "Maximilian", "lastName": "Anders",
                 "address": {"street": "Lindenweg", "houseNumber": "3", "postalCode": "91099",
                             "city": "Musterstadt"}}
                """);

    List<String> replaced = PrefillValues.enforceLocked(form, submitted, prefilled);

    assertThat(replaced).containsExactly("lastName", "household");
    assertThat(submitted.get("firstNames").asText()).as("editable").isEqualTo("Maximilian");
    assertThat(submitted.get("lastName").asText()).as("read-only").isEqualTo("Mustermann");
    assertThat(PrefillValues.sources(form, submitted, prefilled))
        .containsExactly(
            Map.entry("lastName", "eid.familyName"),
            Map.entry("address", "eid.address"),
            Map.entry("household", "register.household"));
  }

  @Test
  void aFieldWhoseSourceHasNoValueKeepsWhatTheCitizenTyped() throws Exception {
    FormDefinition form = form();
    ObjectNode prefilled = PrefillValues.values(form, Map.of(), Map.of());
    ObjectNode submitted = (ObjectNode) JSON.readTree("{\"lastName\": \"Anders\"}");
    assertThat(PrefillValues.enforceLocked(form, submitted, prefilled)).isEmpty();
    assertThat(submitted.get("lastName").asText()).isEqualTo("Anders");
  }
}
