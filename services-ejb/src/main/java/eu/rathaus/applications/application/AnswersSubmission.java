package eu.rathaus.applications.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.catalogue.domain.AnswerValidator;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.identity.LevelOfAssurance;
import eu.rathaus.kernel.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole application given as one set of answers (the submission API, issue 14), in <em>one</em>
 * transaction: the application an idempotency key made before, the service's current form, the
 * level of assurance, the check of the answers, the draft of every step and the submission. Before
 * (issue 16, P1 through the API) the key, the form and the submission were three transactions per
 * call, each with its own tenant scope, connection check-out and commit.
 *
 * <p>Everything the {@link ApplicationJourney} guarantees holds, since it does the work: a refusal
 * rolls everything back, so nothing is stored, not even a draft.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class AnswersSubmission {

  /** What became of the answers. */
  public enum Kind {
    /** Submitted now, or before with the same key ({@link Outcome#reference()}). */
    SUBMITTED,
    /** No such municipality or service, or not offered. */
    NOT_FOUND,
    /** The caller's level of assurance is below the service's ({@link Outcome#required()}). */
    LEVEL_TOO_LOW,
    /** The answers fail the form's checks ({@link Outcome#problems()}); nothing stored. */
    INVALID,
    /** The municipality cannot take the application now; nothing stored. */
    UNAVAILABLE
  }

  /** The result: its kind and what goes with it. */
  public record Outcome(
      Kind kind, ReferenceNumber reference, List<Problem> problems, LevelOfAssurance required) {

    public Outcome {
      problems = List.copyOf(problems);
    }

    static Outcome of(Kind kind) {
      return new Outcome(kind, null, List.of(), null);
    }
  }

  /** Who submits: the level of assurance and contact of the signed-in citizen's token. */
  public record Applicant(LevelOfAssurance level, String email, String displayName) {}

  @Inject ApplicationJourney journey;

  /**
   * Submits {@code answers} (keyed by field key) to the service {@code serviceKey} of {@code
   * municipalitySlug} for the citizen of the caller scope, or answers with the application {@code
   * idempotencyKey} made before.
   */
  public Outcome submit(
      String municipalitySlug,
      String serviceKey,
      String idempotencyKey,
      ObjectNode answers,
      Applicant applicant,
      String language) {
    Optional<ReferenceNumber> earlier = journey.submittedWith(idempotencyKey);
    if (earlier.isPresent()) {
      return new Outcome(Kind.SUBMITTED, earlier.get(), List.of(), null);
    }
    Optional<ApplicationForm> form = journey.newForm(municipalitySlug, serviceKey);
    if (form.isEmpty()) {
      return Outcome.of(Kind.NOT_FOUND);
    }
    FormDefinition definition = form.get().service().form();
    LevelOfAssurance required = definition.levelOfAssurance();
    if (required != LevelOfAssurance.LOW
        && (applicant.level() == null || !applicant.level().satisfies(required))) {
      return new Outcome(Kind.LEVEL_TOO_LOW, null, List.of(), required);
    }
    AnswerValidator.Result check = AnswerValidator.validate(definition, answers);
    if (!check.isValid()) {
      return new Outcome(Kind.INVALID, null, check.problems(), null);
    }
    SubmissionOutcome outcome =
        journey.submitAnswers(
            municipalitySlug,
            serviceKey,
            form.get().service().versionId(),
            steps(definition, answers),
            idempotencyKey,
            applicant.email(),
            applicant.displayName(),
            language);
    return switch (outcome.result()) {
      case SUBMITTED -> new Outcome(Kind.SUBMITTED, outcome.reference(), List.of(), null);
      case INVALID -> new Outcome(Kind.INVALID, null, outcome.problems(), null);
      case NOT_FOUND -> Outcome.of(Kind.NOT_FOUND);
      case UNAVAILABLE -> Outcome.of(Kind.UNAVAILABLE);
    };
  }

  /** The answers split by the form's steps, as the web form would have posted them. */
  static List<ObjectNode> steps(FormDefinition definition, ObjectNode answers) {
    List<ObjectNode> steps = new ArrayList<>();
    for (int step = 0; step < definition.steps().size(); step++) {
      ObjectNode values = answers.objectNode();
      for (FieldDefinition field : definition.steps().get(step).fields()) {
        if (answers.has(field.key())) {
          values.set(field.key(), answers.get(field.key()));
        }
      }
      steps.add(values);
    }
    return steps;
  }
}
