package eu.rathaus.applications.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.domain.AnswerValidator;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.catalogue.domain.Visibility;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * How the answers of one step join the answers saved so far. Kept apart from the web layer and the
 * database so the rules can be tested on their own:
 *
 * <ul>
 *   <li>A step writes only its own fields: a crafted request cannot fill in another step's fields
 *       (and so skip that step's checks) by adding their names.
 *   <li>An answer to a field that is hidden now is dropped, not kept: if the citizen changes "by
 *       post" to "pick up", the postal address typed before is not stored with the application. The
 *       answer validator would refuse it anyway ({@code hiddenField}); dropping it first keeps the
 *       citizen from being told about a field they can no longer see.
 *   <li>A file field's answer is the list of attachment ids (strings) of files uploaded into the
 *       draft; the journey checks that each id is the citizen's own file of this draft. A missing
 *       required file does not stop saving a step, because a file can only be uploaded into a draft
 *       that exists (the first save creates it); the form insists before moving on, and submission
 *       refuses an application without it.
 * </ul>
 */
public final class DraftAnswers {

  private DraftAnswers() {}

  /**
   * The saved answers with {@code stepValues} in place of the step's fields, hidden answers
   * removed.
   */
  public static ObjectNode mergeStep(
      FormDefinition form, JsonNode saved, StepDefinition step, ObjectNode stepValues) {
    ObjectNode merged =
        saved != null && saved.isObject()
            ? ((ObjectNode) saved).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (FieldDefinition field : step.fields()) {
      merged.remove(field.key());
      JsonNode value = stepValues == null ? null : stepValues.get(field.key());
      if (value != null && !value.isNull()) {
        merged.set(field.key(), value);
      }
    }
    return withoutHiddenAnswers(form, merged);
  }

  /** A copy of {@code answers} without the answers to fields that these answers hide. */
  public static ObjectNode withoutHiddenAnswers(FormDefinition form, ObjectNode answers) {
    ObjectNode result = answers.deepCopy();
    Set<String> visible = Visibility.visibleFields(form, result);
    Iterator<String> names = answers.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (form.field(key).isPresent() && !visible.contains(key)) {
        result.remove(key);
      }
    }
    return result;
  }

  /**
   * What stops saving the step: everything the step-wise validation finds, except missing files.
   */
  public static List<Problem> checkStep(
      FormDefinition form, ObjectNode merged, StepDefinition step) {
    AnswerValidator.Result result = AnswerValidator.validateUpToStep(form, merged, step.key());
    List<Problem> problems = new ArrayList<>();
    for (Problem problem : result.problems()) {
      boolean missingFile =
          problem.messageKey().equals("catalogue.answer.required")
              && form.field(problem.target()).map(FieldDefinition::type).orElse(null)
                  == FieldType.FILE;
      if (!missingFile) {
        problems.add(problem);
      }
    }
    return problems;
  }

  /** The index of the first step holding a field that {@code problems} names, or -1. */
  public static int firstStepWithProblem(FormDefinition form, List<Problem> problems) {
    for (int i = 0; i < form.steps().size(); i++) {
      for (FieldDefinition field : form.steps().get(i).fields()) {
        for (Problem p : problems) {
          if (p.target().equals(field.key()) || p.target().startsWith(field.key() + ".")) {
            return i;
          }
        }
      }
    }
    return -1;
  }
}
