package eu.rathaus.web.applications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.registers.residents.domain.Address;
import eu.rathaus.registers.residents.domain.Residence;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.web.it.PrefillTemplates;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrefillingTest {

  /** The parking permit with names from the eID (family name locked), address from the register. */
  static FormDefinition prefilledForm() throws Exception {
    String template = PrefillTemplates.parkingPermit();
    FormDefinitionValidator.Result result =
        FormDefinitionValidator.validate(new ObjectMapper().readTree(template).get("form"));
    assertThat(result.problems()).isEmpty();
    return result.definition();
  }

  private static final Resident ERIKA =
      new Resident(
          UUID.randomUUID(),
          UUID.randomUUID(),
          "Erika",
          "Mustermann",
          null,
          LocalDate.of(1964, 8, 12),
          "Berlin",
          "deutsch",
          List.of(
              new Address(
                  "Heidestraße",
                  "17",
                  "91099",
                  "Musterstadt",
                  LocalDate.of(2011, 4, 1),
                  null,
                  Residence.MAIN)),
          List.of(),
          List.of());

  private static final Map<String, String> EID =
      Map.of("givenName", "Erika", "familyName", "Mustermann");

  @Test
  void theSourcesGiveValuesInTheAnswersShapeAndOnlyWhereTheyHaveOne() throws Exception {
    FormDefinition form = prefilledForm();
    ObjectNode values = Prefilling.values(form, EID, Optional.of(ERIKA));
    assertThat(values.toString())
        .isEqualTo(
            "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"address\":{\"street\":\"Heidestraße\","
                + "\"houseNumber\":\"17\",\"postalCode\":\"91099\",\"city\":\"Musterstadt\"}}");
    assertThat(Prefilling.values(form, Map.of(), Optional.empty()).isEmpty()).isTrue();
    assertThat(Prefilling.needsRegister(form)).isTrue();
  }

  @Test
  void prefilledValuesNeverOverwriteAnAnswerButLockedFieldsKeepTheirSource() throws Exception {
    FormDefinition form = prefilledForm();
    ObjectNode values = Prefilling.values(form, EID, Optional.of(ERIKA));
    String shown = Prefilling.withPrefill("{\"firstNames\":\"Eri\"}", values);
    assertThat(Prefilling.read(shown).get("firstNames").asText()).isEqualTo("Eri");
    assertThat(Prefilling.read(shown).get("lastName").asText()).isEqualTo("Mustermann");

    ObjectNode posted = Prefilling.read("{\"firstNames\":\"Eri\",\"lastName\":\"Muster\"}");
    Prefilling.keepLocked(form.steps().get(0), posted, values);
    assertThat(posted.get("firstNames").asText()).as("editable").isEqualTo("Eri");
    assertThat(posted.get("lastName").asText()).as("locked").isEqualTo("Mustermann");
    assertThat(posted.get("address").get("street").asText()).isEqualTo("Heidestraße");
  }

  @Test
  void theSubmissionNamesTheSourceOfEveryValueThatIsStillThePrefilledOne() throws Exception {
    FormDefinition form = prefilledForm();
    ObjectNode values = Prefilling.values(form, EID, Optional.of(ERIKA));
    ObjectNode answers =
        Prefilling.read(Prefilling.withPrefill("{\"firstNames\":\"Eri\"}", values));
    assertThat(Prefilling.sources(form, answers, values))
        .containsExactly(
            Map.entry("lastName", "eid.familyName"), Map.entry("address", "register.address"));
  }

  @Test
  void theChangeOfAddressOffersTheHouseholdOneMemberPerLine() throws Exception {
    String template =
        eu.rathaus.catalogue.application.DemoTemplates.load(
            "/catalogue/templates/wohnsitz-ummelden.json");
    FormDefinition form =
        FormDefinitionValidator.validate(new ObjectMapper().readTree(template).get("form"))
            .definition();
    List<eu.rathaus.registers.residents.domain.HouseholdMember> household =
        List.of(
            new eu.rathaus.registers.residents.domain.HouseholdMember(
                UUID.randomUUID(),
                "Sabine",
                "Mustermann",
                LocalDate.of(1982, 11, 23),
                eu.rathaus.registers.residents.domain.HouseholdMember.Relation.SPOUSE),
            new eu.rathaus.registers.residents.domain.HouseholdMember(
                UUID.randomUUID(),
                "Lena",
                "Mustermann",
                LocalDate.of(2015, 5, 9),
                eu.rathaus.registers.residents.domain.HouseholdMember.Relation.CHILD));
    Resident withHousehold =
        new Resident(
            ERIKA.id(),
            ERIKA.municipalityId(),
            ERIKA.givenNames(),
            ERIKA.familyName(),
            ERIKA.birthName(),
            ERIKA.birthDate(),
            ERIKA.birthPlace(),
            ERIKA.nationality(),
            ERIKA.addresses(),
            household,
            ERIKA.blocks());
    ObjectNode values = Prefilling.values(form, EID, Optional.of(withHousehold));
    assertThat(values.get("movers").asText())
        .isEqualTo("Sabine Mustermann, 23.11.1982\nLena Mustermann, 09.05.2015");
    assertThat(values.get("currentAddress").get("street").asText()).isEqualTo("Heidestraße");
    assertThat(Prefilling.values(form, EID, Optional.of(ERIKA)).has("movers"))
        .as("alone: nothing offered")
        .isFalse();
  }
}
