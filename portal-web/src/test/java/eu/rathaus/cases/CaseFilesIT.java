package eu.rathaus.cases;

import static eu.rathaus.cases.CaseFixtures.BEISPIELHEIM;
import static eu.rathaus.cases.CaseFixtures.MUSTERSTADT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.cases.application.CaseDetails;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The files of a case on the case page: listed, downloaded decrypted by the municipality's staff
 * with an audit entry naming the clerk, and not at all for another municipality's clerk or under
 * another case's id.
 */
@ExtendWith(ArquillianExtension.class)
class CaseFilesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(CaseFilesIT.class, CaseFixtures.class);
  }

  @Inject CaseWork work;
  @Inject ApplicationJourney journey;
  @Inject AttachmentService attachments;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void staffDownloadTheCasesFilesAuditedAndNobodyElse() throws Exception {
    CaseFixtures fixtures = new CaseFixtures(journeys, caller, transactions, em).publishService();
    String serviceKey = journeys.publish("bewohnerparkausweis", "it.casepark-").serviceKey();
    String erika = "it-erika-" + fixtures.suffix;
    caller.set(TenantScope.citizen(erika));
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            serviceKey,
            null,
            0,
            json(
                "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"email\":\"erika@example.org\","
                    + "\"address\":{\"street\":\"Hauptstraße\",\"houseNumber\":\"1\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}"),
            1);
    assertTrue(one.isSaved(), one.problems()::toString);
    UUID draft = one.draftId();
    byte[] pdf = ItJourneys.pdf("case " + draft);
    UploadOutcome upload =
        attachments.upload(
            erika,
            MUSTERSTADT,
            draft,
            "Zulassung.pdf",
            new ByteArrayInputStream(pdf),
            journey.draft(draft).orElseThrow().service().form().attachments());
    assertTrue(upload.isStored(), () -> "refused: " + upload.getProblem());
    UUID file = upload.getStored().id();
    assertTrue(
        journey
            .saveStep(
                draft,
                null,
                null,
                null,
                1,
                json(
                    "{\"licensePlate\":\"M-EM 7\",\"isKeeper\":\"true\",\"registrationCertificate\":[\""
                        + file
                        + "\"]}"),
                2)
            .isSaved());
    assertTrue(
        journey
            .saveStep(draft, null, null, null, 2, json("{\"validity\":\"oneYear\"}"), 3)
            .isSaved());
    SubmissionOutcome submitted =
        journey.submit(draft, UUID.randomUUID().toString(), null, "Erika Mustermann", "de");
    String reference = submitted.reference().format();
    UUID[] caseId = new UUID[1];
    fixtures.asPlatform(
        () ->
            caseId[0] =
                em.createQuery(
                        "select c.id from CaseRecord c where c.referenceNumber = :r", UUID.class)
                    .setParameter("r", reference)
                    .getSingleResult());
    UUID other = fixtures.submit("it-other-" + fixtures.suffix, "Otto Other");

    String clerk = "it-clerk-" + fixtures.suffix;
    caller.set(TenantScope.staff(MUSTERSTADT, clerk));
    CaseDetails details = work.open(caseId[0]).orElseThrow();
    assertEquals(1, details.attachments().size());
    assertEquals("Zulassung.pdf", details.attachments().get(0).displayName());
    assertArrayEquals(pdf, work.download(caseId[0], file).orElseThrow().content());
    assertEquals(
        1,
        fixtures.count(
            TenantScope.platform("it"),
            "select count(*) from audit_entry where action = 'attachment.downloaded' and subject_id = ?1 and actor = ?2",
            file.toString(),
            clerk));
    assertTrue(work.download(other, file).isEmpty(), "a file is only served under its own case");

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-ben-" + fixtures.suffix));
    assertTrue(work.download(caseId[0], file).isEmpty());
  }
}
