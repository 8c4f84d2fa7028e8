package eu.rathaus.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationForm;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepWithFiles;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A form step and its uploads are saved in one transaction ({@link StepWithFiles}, {@link
 * ApplicationJourney#saveStepWithFiles}): both stored on success; a refused file — refused by the
 * checks before the transaction, or by the store inside it — leaves the step's answers as they were
 * and no file of the request in the draft, and a first step with a refused file creates no draft at
 * all.
 */
@ExtendWith(ArquillianExtension.class)
class StepWithFilesIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE_FIELD = "registrationCertificate";
  private static final String FIRST_STEP =
      "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"email\":\"erika@example.org\","
          + "\"address\":{\"street\":\"Hauptstraße\",\"houseNumber\":\"1\","
          + "\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(StepWithFilesIT.class);
  }

  @Inject StepWithFiles stepWithFiles;
  @Inject ApplicationJourney journey;
  @Inject AttachmentService attachments;
  @Inject CallerScope caller;
  @Inject ItJourneys journeys;

  private String serviceKey;
  private String citizen;

  @BeforeEach
  void publishTheParkingPermit() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    citizen = "it-stepfiles-" + suffix;
    serviceKey = journeys.publish("bewohnerparkausweis", "it.stepfiles-").serviceKey();
    caller.set(TenantScope.citizen(citizen));
  }

  @Test
  void aStepAndItsFileAreStoredTogether() throws Exception {
    ApplicationForm form = draftOnTheVehicleStep();

    StepWithFiles.Outcome outcome =
        stepWithFiles.save(
            form,
            1,
            vehicle("M-EM 10"),
            true,
            List.of(file("Zulassung.pdf", ItJourneys.pdf("ok"))));

    assertTrue(outcome.isComplete(), outcome.problems()::toString);
    assertEquals(List.of("Zulassung.pdf"), outcome.storedFiles());
    JsonNode answers = answers(form.draftId());
    assertEquals("M-EM 10", answers.get("licensePlate").asText());
    List<AttachmentSummary> files = journey.attachmentsOf(form.draftId());
    assertEquals(1, files.size());
    assertEquals(files.get(0).id().toString(), answers.get(FILE_FIELD).get(0).asText());
    assertEquals(2, journey.draft(form.draftId()).orElseThrow().currentStep());
  }

  @Test
  void aRefusedFileLeavesTheAnswersAndStoresNoOtherFile() throws Exception {
    ApplicationForm form = draftOnTheVehicleStep();
    String before = journey.draft(form.draftId()).orElseThrow().answersJson();

    // A good PDF and a text file that claims to be a PDF, chosen together.
    StepWithFiles.Outcome outcome =
        stepWithFiles.save(
            form,
            1,
            vehicle("M-EM 11"),
            true,
            List.of(
                file("Zulassung.pdf", ItJourneys.pdf("good")),
                file("Falsch.pdf", "kein PDF".getBytes(StandardCharsets.UTF_8))));

    assertFalse(outcome.saved());
    assertEquals(1, outcome.problems().size(), outcome.problems()::toString);
    assertEquals(FILE_FIELD, outcome.problems().get(0).target());
    assertEquals("attachment.error.typeMismatch", outcome.problems().get(0).messageKey());
    assertEquals(List.of(), outcome.storedFiles());
    ApplicationForm after = journey.draft(form.draftId()).orElseThrow();
    assertEquals(JSON.readTree(before), JSON.readTree(after.answersJson()));
    assertEquals(1, after.currentStep());
    assertEquals(List.of(), journey.attachmentsOf(form.draftId()));
  }

  @Test
  void aFileTheStoreRefusesRollsBackTheStepAndTheFilesBeforeIt() throws Exception {
    ApplicationForm form = draftOnTheVehicleStep();
    String before = journey.draft(form.draftId()).orElseThrow().answersJson();
    int maxCount = form.service().form().attachments().maxCount();
    // Each file passes the checks on its own; together they are one too many, which only the store
    // inside the transaction sees (as when another request filled the draft meanwhile).
    List<ApplicationJourney.NewFile> files = new ArrayList<>();
    for (int i = 0; i <= maxCount; i++) {
      AttachmentService.Checked checked =
          attachments.checkForDraft(
              MUSTERSTADT,
              form.draftId(),
              "Datei" + i + ".pdf",
              new ByteArrayInputStream(ItJourneys.pdf("file " + i)),
              form.service().form().attachments(),
              0);
      assertNull(checked.refused());
      files.add(new ApplicationJourney.NewFile(FILE_FIELD, checked.file()));
    }

    StepWithFiles.Outcome outcome =
        journey.saveStepWithFiles(
            new ApplicationJourney.StepInput(
                form.draftId(), null, null, null, 1, vehicle("M-EM 12")),
            true,
            files,
            List.of());

    assertFalse(outcome.saved());
    assertEquals("attachment.error.tooMany", outcome.problems().get(0).messageKey());
    ApplicationForm after = journey.draft(form.draftId()).orElseThrow();
    assertEquals(JSON.readTree(before), JSON.readTree(after.answersJson()));
    assertEquals(List.of(), journey.attachmentsOf(form.draftId()), "no file of the step stayed");
  }

  @Test
  void aFirstStepWithARefusedFileCreatesNoDraft() throws Exception {
    ApplicationForm fresh = journey.newForm("musterstadt", serviceKey).orElseThrow();
    // Step 0 has no file field; the file is refused before the step's own check even matters.
    StepWithFiles.Outcome outcome =
        stepWithFiles.save(
            fresh,
            0,
            (ObjectNode) JSON.readTree(FIRST_STEP),
            true,
            List.of(file("Leer.pdf", new byte[0])));

    assertFalse(outcome.saved());
    assertNull(outcome.draftId());
    assertEquals("attachment.error.empty", outcome.problems().get(0).messageKey());
    assertEquals(List.of(), journey.mine().drafts(), "no draft was created");
  }

  private ApplicationForm draftOnTheVehicleStep() throws Exception {
    ApplicationForm fresh = journey.newForm("musterstadt", serviceKey).orElseThrow();
    StepWithFiles.Outcome first =
        stepWithFiles.save(fresh, 0, (ObjectNode) JSON.readTree(FIRST_STEP), true, List.of());
    assertTrue(first.isComplete(), first.problems()::toString);
    return journey.draft(first.draftId()).orElseThrow();
  }

  private static ObjectNode vehicle(String plate) throws Exception {
    return (ObjectNode) JSON.readTree("{\"licensePlate\":\"" + plate + "\",\"isKeeper\":\"true\"}");
  }

  private JsonNode answers(UUID draftId) throws Exception {
    return JSON.readTree(journey.draft(draftId).orElseThrow().answersJson());
  }

  private static StepWithFiles.ChosenFile file(String name, byte[] bytes) {
    return new StepWithFiles.ChosenFile(FILE_FIELD, name, () -> new ByteArrayInputStream(bytes));
  }
}
