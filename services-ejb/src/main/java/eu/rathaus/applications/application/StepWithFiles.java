package eu.rathaus.applications.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.catalogue.domain.Visibility;
import eu.rathaus.tenancy.application.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Saves one step of an application form together with the files chosen on it, in one call and one
 * transaction: first every chosen file is checked — name, count, size, type from the bytes, malware
 * scan — outside any transaction, because a slow scanner must not hold a database connection (see
 * the attachments section of the module README); then {@link ApplicationJourney#saveStepWithFiles}
 * stores the step's answers and the checked files together in one transaction, creating the draft
 * if this is its first step. Either both are stored or neither: a refused file leaves the step's
 * answers as they were and stores no other file of the request; the citizen sees what they typed
 * with the refusal at the file's field.
 */
@ApplicationScoped
public class StepWithFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ApplicationJourney journey;
  @Inject AttachmentService attachments;

  /** Opens a chosen file's bytes when it is uploaded. */
  @FunctionalInterface
  public interface FileContent {
    InputStream open() throws IOException;
  }

  /** A file chosen in file field {@code fieldKey} of the step. */
  public record ChosenFile(String fieldKey, String fileName, FileContent content) {}

  /**
   * What happened: {@code saved} tells whether the step's answers (and its files) were stored;
   * {@code problems} are the step's and the files' problems; {@code storedFiles} the names of the
   * files taken.
   */
  public record Outcome(
      UUID draftId, boolean saved, List<Problem> problems, List<String> storedFiles) {

    public Outcome {
      problems = List.copyOf(problems);
      storedFiles = List.copyOf(storedFiles);
    }

    /** Saved with every file taken and every required file there: the citizen may go on. */
    public boolean isComplete() {
      return saved && problems.isEmpty();
    }
  }

  /**
   * @param form the draft (or new form) as the citizen was shown it
   * @param values what was posted for step {@code stepIndex}
   * @param advance true for "Weiter" (the draft then continues after this step)
   */
  public Outcome save(
      ApplicationForm form,
      int stepIndex,
      ObjectNode values,
      boolean advance,
      List<ChosenFile> files) {
    List<ApplicationJourney.NewFile> checked = new ArrayList<>();
    List<Problem> refused = new ArrayList<>();
    AttachmentRules rules = form.service().form().attachments();
    for (ChosenFile file : files) {
      AttachmentService.Checked outcome;
      try (InputStream in = file.content().open()) {
        outcome =
            attachments.checkForDraft(
                form.municipalityId(), form.draftId(), file.fileName(), in, rules, checked.size());
      } catch (IOException | UncheckedIOException e) {
        refused.add(Problem.of(file.fieldKey(), "attachment.error.storageUnavailable"));
        continue;
      }
      if (outcome.refused() == null) {
        checked.add(new ApplicationJourney.NewFile(file.fieldKey(), outcome.file()));
      } else {
        FieldProblem problem = outcome.refused().getProblem();
        refused.add(
            Problem.of(file.fieldKey(), problem.messageKey(), problem.arguments().toArray()));
      }
    }
    return journey.saveStepWithFiles(
        new ApplicationJourney.StepInput(
            form.draftId(),
            form.municipalitySlug(),
            form.service().serviceKey(),
            form.service().versionId(),
            stepIndex,
            values),
        advance,
        checked,
        refused);
  }

  /** The file fields of a step take their answers from the saved draft, never from the post. */
  public static void withSavedFileIds(StepDefinition step, String answersJson, ObjectNode values) {
    ObjectNode saved = read(answersJson);
    for (FieldDefinition field : step.fields()) {
      if (field.type() == FieldType.FILE) {
        JsonNode ids = saved.get(field.key());
        if (ids != null && !ids.isNull()) {
          values.set(field.key(), ids.deepCopy());
        } else {
          values.remove(field.key());
        }
      }
    }
  }

  /** Required file fields shown on {@code step} that still hold no file. */
  static List<Problem> missingRequiredFiles(
      FormDefinition form, JsonNode answers, StepDefinition step) {
    List<Problem> problems = new ArrayList<>();
    Set<String> visible = Visibility.visibleFields(form, answers);
    for (FieldDefinition field : step.fields()) {
      JsonNode ids = answers.get(field.key());
      if (field.type() == FieldType.FILE
          && field.required()
          && visible.contains(field.key())
          && (ids == null || !ids.isArray() || ids.isEmpty())) {
        problems.add(Problem.of(field.key(), "catalogue.answer.required"));
      }
    }
    return problems;
  }

  private static ObjectNode read(String json) {
    try {
      JsonNode node = JSON.readTree(json == null ? "{}" : json);
      return node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
    } catch (IOException e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }
}
