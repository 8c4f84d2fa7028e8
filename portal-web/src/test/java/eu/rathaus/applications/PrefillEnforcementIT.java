package eu.rathaus.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.PrefillFacts;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Read-only prefilled fields are enforced by the submission itself, not only by the form (issue
 * 13): a Meldebescheinigung whose family name comes from the eID and may not be changed is saved
 * with another family name (as a tampered request would) and submitted — the application holds the
 * eID's family name and records it as from the eID; the editable given name keeps what was typed.
 */
@ExtendWith(ArquillianExtension.class)
class PrefillEnforcementIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(PrefillEnforcementIT.class);
  }

  @Inject ApplicationJourney journey;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  @Test
  void aReadOnlyPrefilledFieldGetsItsSourcesValueAtSubmission() throws Exception {
    ItJourneys.Published service =
        journeys.publish(
            "meldebescheinigung",
            "it.prefill.",
            t ->
                t.replace(
                        "\"key\": \"firstNames\",",
                        "\"key\": \"firstNames\", \"prefill\": {\"source\": \"eid.givenName\"},")
                    .replace(
                        "\"key\": \"lastName\",",
                        "\"key\": \"lastName\","
                            + " \"prefill\": {\"source\": \"eid.familyName\", \"editable\": false},"));
    caller.set(TenantScope.citizen("it-prefill-" + UUID.randomUUID()));
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            service.serviceKey(),
            null,
            0,
            (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(
                    "{\"firstNames\":\"Eri\",\"lastName\":\"Gefälscht\",\"birthDate\":\"1964-08-12\"}"),
            1);
    assertTrue(one.isSaved(), one.problems().toString());
    step(one.draftId(), 1, "{\"certificateType\":\"simple\",\"delivery\":\"mailbox\"}");
    step(one.draftId(), 2, "{\"email\":\"erika@example.org\"}");

    SubmissionOutcome submitted =
        journey.submit(
            one.draftId(),
            UUID.randomUUID().toString(),
            null,
            null,
            "de",
            new PrefillFacts(
                Map.of("givenName", "Erika", "familyName", "Mustermann"),
                "eid.it-nobody-" + UUID.randomUUID()));
    assertEquals(
        SubmissionOutcome.Result.SUBMITTED, submitted.result(), submitted.problems().toString());

    Object[] row =
        transactions.call(
            TenantScope.platform("it"),
            () ->
                (Object[])
                    em.createNativeQuery(
                            "select answers::text, prefill_sources::text from case_application"
                                + " where reference_number = ?1")
                        .setParameter(1, submitted.reference().format())
                        .getSingleResult());
    JsonNode answers = JSON.readTree((String) row[0]);
    assertEquals("Mustermann", answers.get("lastName").asText(), "replaced by the eID's value");
    assertEquals("Eri", answers.get("firstNames").asText(), "editable: as typed");
    JsonNode sources = JSON.readTree((String) row[1]);
    assertEquals("eid.familyName", sources.get("lastName").asText());
    assertTrue(!sources.has("firstNames"), "a typed value is not recorded as from the eID");
  }

  private void step(UUID draft, int index, String values) throws Exception {
    StepOutcome saved =
        journey.saveStep(
            draft,
            null,
            null,
            null,
            index,
            (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(values),
            index + 1);
    assertTrue(saved.isSaved(), saved.problems().toString());
  }
}
