package eu.rathaus.applications.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.catalogue.domain.Visibility;
import eu.rathaus.kernel.CallerScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Saves one step of an application form together with the files chosen on it, in one call: the
 * files go into the draft (each checked by {@link AttachmentService}, refusals become problems at
 * their field), the step's answers are checked and saved, and a required file field of the step
 * still without a file is a problem too. A draft that does not exist yet (first step) is created by
 * the step first and gets the files afterwards; if the step is refused then, the files are not
 * taken and the citizen chooses them again.
 *
 * <p>Deliberately not one transaction: the malware scan of an upload runs outside any transaction
 * (see the attachments section of the module README), so each upload, each {@code attach} and the
 * step's save keep the transactions of {@link AttachmentService} and {@link ApplicationJourney}.
 */
@ApplicationScoped
public class StepWithFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ApplicationJourney journey;
  @Inject AttachmentService attachments;
  @Inject CallerScope caller;

  /** Opens a chosen file's bytes when it is uploaded. */
  @FunctionalInterface
  public interface FileContent {
    InputStream open() throws IOException;
  }

  /** A file chosen in file field {@code fieldKey} of the step. */
  public record ChosenFile(String fieldKey, String fileName, FileContent content) {}

  /**
   * What happened: {@code saved} tells whether the step's answers were stored; {@code problems} are
   * the step's and the files' problems; {@code storedFiles} the names of the files taken.
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
    String subject = caller.get().subject();
    List<Problem> problems = new ArrayList<>();
    List<String> stored = new ArrayList<>();
    List<ChosenFile> pending = files;
    ApplicationForm current = form;
    if (form.draftId() != null && !files.isEmpty()) {
      upload(subject, current, form.draftId(), files, problems, stored);
      pending = List.of();
      current = journey.draft(form.draftId()).orElse(current);
    }
    StepDefinition step = current.service().form().steps().get(stepIndex);
    withSavedFileIds(step, current.answersJson(), values);
    int nextStep = advance ? Math.max(current.currentStep(), stepIndex + 1) : current.currentStep();
    StepOutcome outcome =
        journey.saveStep(
            current.draftId(),
            current.municipalitySlug(),
            current.service().serviceKey(),
            current.service().versionId(),
            stepIndex,
            values,
            nextStep);
    if (!outcome.isSaved()) {
      List<Problem> all = new ArrayList<>(outcome.problems());
      all.addAll(problems);
      // No draft yet to put the file into; the citizen chooses it again once the step is right.
      pending.forEach(file -> all.add(Problem.of(file.fieldKey(), "upload.error.notSaved")));
      return new Outcome(current.draftId(), false, all, stored);
    }
    UUID draftId = outcome.draftId();
    if (!pending.isEmpty()) {
      upload(subject, current, draftId, pending, problems, stored);
    }
    if (problems.isEmpty()) {
      ApplicationForm saved = journey.draft(draftId).orElseThrow();
      problems.addAll(missingRequiredFiles(saved, step));
    }
    return new Outcome(draftId, true, problems, stored);
  }

  /**
   * Uploads each chosen file into the draft and adds it to its field's answer; refusals become
   * problems.
   */
  private void upload(
      String subject,
      ApplicationForm form,
      UUID draftId,
      List<ChosenFile> files,
      List<Problem> problems,
      List<String> stored) {
    for (ChosenFile file : files) {
      UploadOutcome outcome;
      try (InputStream in = file.content().open()) {
        outcome =
            attachments.upload(
                subject,
                form.municipalityId(),
                draftId,
                file.fileName(),
                in,
                form.service().form().attachments());
      } catch (IOException e) {
        problems.add(Problem.of(file.fieldKey(), "attachment.error.storageUnavailable"));
        continue;
      }
      if (outcome.isStored()) {
        problems.addAll(journey.attach(draftId, file.fieldKey(), outcome.getStored().id()));
        stored.add(outcome.getStored().displayName());
      } else {
        problems.add(
            Problem.of(
                file.fieldKey(),
                outcome.getProblem().messageKey(),
                outcome.getProblem().arguments().toArray()));
      }
    }
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
  static List<Problem> missingRequiredFiles(ApplicationForm form, StepDefinition step) {
    List<Problem> problems = new ArrayList<>();
    JsonNode answers = read(form.answersJson());
    Set<String> visible = Visibility.visibleFields(form.service().form(), answers);
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
