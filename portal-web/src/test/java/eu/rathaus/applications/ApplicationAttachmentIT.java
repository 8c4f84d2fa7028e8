package eu.rathaus.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.Receipt;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.applications.ReceiptPdf;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.PdfText;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attachments in the application journey against the real database and clamd: files uploaded into a
 * draft become the file field's answer, ids of other people's files are refused whatever is posted,
 * a file can be removed, submission links the files to the application in its own transaction, and
 * the receipt lists them with their SHA-256.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationAttachmentIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE_FIELD = "registrationCertificate";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(ApplicationAttachmentIT.class);
  }

  @Inject ApplicationJourney journey;
  @Inject AttachmentService attachments;
  @Inject CallerScope caller;
  @Inject ItJourneys journeys;

  private String serviceKey;
  private UUID versionId;
  private String erika;
  private String max;

  @BeforeEach
  void publishTheParkingPermit() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    erika = "it-erika-" + suffix;
    max = "it-max-" + suffix;
    ItJourneys.Published published = journeys.publish("bewohnerparkausweis", "it.park-");
    serviceKey = published.serviceKey();
    versionId = published.versionId();
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private UUID firstStep() throws Exception {
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            serviceKey,
            versionId,
            0,
            json(
                "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"email\":\"erika@example.org\","
                    + "\"address\":{\"street\":\"Hauptstraße\",\"houseNumber\":\"1\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}"),
            1);
    assertTrue(one.isSaved(), one.problems()::toString);
    return one.draftId();
  }

  private AttachmentRules rules(UUID draftId) {
    return journey.draft(draftId).orElseThrow().service().form().attachments();
  }

  private UUID uploadInto(
      String owner, UUID draftId, String name, byte[] bytes, AttachmentRules rules) {
    UploadOutcome outcome =
        attachments.upload(
            owner, MUSTERSTADT, draftId, name, new ByteArrayInputStream(bytes), rules);
    assertTrue(outcome.isStored(), () -> "refused: " + outcome.getProblem());
    return outcome.getStored().id();
  }

  @Test
  void uploadedFilesAreAnsweredCheckedRemovableLinkedAndOnTheReceipt() throws Exception {
    caller.set(TenantScope.citizen(erika));
    UUID draft = firstStep();
    AttachmentRules rules = rules(draft);
    byte[] certificate = ItJourneys.pdf("certificate " + draft);
    UUID mine = uploadInto(erika, draft, "Zulassung.pdf", certificate, rules);
    assertEquals(List.of(), journey.attach(draft, FILE_FIELD, mine));
    assertEquals(
        List.of(mine), journey.attachmentsOf(draft).stream().map(AttachmentSummary::id).toList());

    // Max's file, in Max's own draft: its id posted as Erika's answer is refused, as is attaching
    // it.
    caller.set(TenantScope.citizen(max));
    UUID foreign =
        uploadInto(max, UUID.randomUUID(), "Fremd.pdf", ItJourneys.pdf("max " + draft), rules);
    caller.set(TenantScope.citizen(erika));
    StepOutcome crafted =
        journey.saveStep(
            draft,
            null,
            null,
            null,
            1,
            json(
                "{\"licensePlate\":\"M-EM 1\",\"isKeeper\":\"true\",\""
                    + FILE_FIELD
                    + "\":[\""
                    + mine
                    + "\",\""
                    + foreign
                    + "\"]}"),
            2);
    assertFalse(crafted.isSaved());
    assertEquals(FILE_FIELD, crafted.problems().get(0).target());
    assertEquals("upload.error.foreign", crafted.problems().get(0).messageKey());
    assertEquals(
        "upload.error.foreign", journey.attach(draft, FILE_FIELD, foreign).get(0).messageKey());
    assertFalse(journey.detach(draft, foreign), "someone else's file cannot be removed");

    // A second file, then removed again: out of the answer and deleted.
    UUID second =
        uploadInto(erika, draft, "Zweitschrift.pdf", ItJourneys.pdf("second " + draft), rules);
    assertEquals(List.of(), journey.attach(draft, FILE_FIELD, second));
    assertEquals(2, journey.attachmentsOf(draft).size());
    assertTrue(journey.detach(draft, second));
    assertEquals(
        List.of(mine), journey.attachmentsOf(draft).stream().map(AttachmentSummary::id).toList());
    assertTrue(attachments.download(second).isEmpty(), "the removed file is gone");

    StepOutcome two =
        journey.saveStep(
            draft,
            null,
            null,
            null,
            1,
            json(
                "{\"licensePlate\":\"M-EM 1\",\"isKeeper\":\"true\",\""
                    + FILE_FIELD
                    + "\":[\""
                    + mine
                    + "\"]}"),
            2);
    assertTrue(two.isSaved(), two.problems()::toString);
    StepOutcome three =
        journey.saveStep(draft, null, null, null, 2, json("{\"validity\":\"oneYear\"}"), 3);
    assertTrue(three.isSaved(), three.problems()::toString);

    SubmissionOutcome submitted = journey.submit(draft, UUID.randomUUID().toString(), null, "de");
    assertEquals(
        SubmissionOutcome.Result.SUBMITTED, submitted.result(), submitted.problems()::toString);
    assertFalse(journey.detach(draft, mine), "a submitted file cannot be removed");

    Receipt receipt = journey.receipt(submitted.reference().format()).orElseThrow();
    assertEquals(1, receipt.attachments().size(), "the file is linked to the application");
    assertEquals(mine, receipt.attachments().get(0).id());
    assertEquals(sha256(certificate), receipt.attachments().get(0).sha256());

    String text = PdfText.of(ReceiptPdf.render(receipt, Locale.GERMAN));
    assertTrue(text.contains("Zulassung.pdf"), text);
    assertTrue(text.contains(sha256(certificate)), text);
  }

  @Test
  void aRequiredFileFieldWithoutAFileStopsTheSubmission() throws Exception {
    caller.set(TenantScope.citizen(erika));
    UUID draft = firstStep();
    assertTrue(
        journey
            .saveStep(
                draft,
                null,
                null,
                null,
                1,
                json("{\"licensePlate\":\"M-EM 2\",\"isKeeper\":\"true\"}"),
                2)
            .isSaved());
    assertTrue(
        journey
            .saveStep(draft, null, null, null, 2, json("{\"validity\":\"oneYear\"}"), 3)
            .isSaved());
    SubmissionOutcome outcome = journey.submit(draft, UUID.randomUUID().toString(), null, "de");
    assertEquals(SubmissionOutcome.Result.INVALID, outcome.result());
    assertEquals(FILE_FIELD, outcome.problems().get(0).target());
    assertEquals(1, outcome.firstStepWithProblem());
  }
}
