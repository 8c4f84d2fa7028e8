package eu.rathaus.privacy.application;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.catalogue.application.CatalogueBrowser;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * A citizen's request for rectification, erasure or objection (Art. 16, 17, 21 GDPR), made from
 * "Meine Daten". It is an application of the municipality's service {@value #SERVICE_KEY} (the
 * shipped template {@code datenschutzanfrage.json}: fee-free, level low, 30 processing days), so it
 * becomes a case in the municipality's inbox with the legal one-month deadline, its timeline,
 * mailbox thread, notice and audit — the cases capability as it is, nothing built twice.
 */
@ApplicationScoped
public class PrivacyRequests {

  /** The service key under which a municipality offers data protection requests. */
  public static final String SERVICE_KEY = "demo.datenschutzanfrage";

  /** The rights a request may ask for: the template's choice keys. */
  public static final Set<String> RIGHTS = Set.of("rectification", "erasure", "objection");

  @Inject ApplicationJourney journey;
  @Inject MunicipalityDirectory directory;
  @Inject CatalogueBrowser catalogue;
  @Inject CallerScope caller;

  /** What came of a request: its reference number, or the problems (nothing stored). */
  public record Outcome(String reference, List<Problem> problems) {
    public Outcome {
      problems = List.copyOf(problems);
    }

    public boolean isSubmitted() {
      return reference != null;
    }
  }

  /** The active municipalities that take data protection requests through the portal. */
  public List<MunicipalitySummary> municipalities() {
    return directory.search("").stream()
        .filter(m -> catalogue.service(m.id(), SERVICE_KEY).isPresent())
        .toList();
  }

  /**
   * Files the signed-in citizen's request with the municipality {@code slug}.
   *
   * @param idempotencyKey the form's key: submitting twice files one request
   * @param email the citizen's address from the eID (the confirmation), or null
   * @param name the citizen's name from the eID (on the case), or null
   * @throws SecurityException if the caller is not a signed-in citizen
   */
  public Outcome submit(
      String slug,
      String right,
      String details,
      String idempotencyKey,
      String email,
      String name,
      String language) {
    if (caller.get().kind() != TenantScope.Kind.CITIZEN) {
      throw new SecurityException("Only a signed-in citizen can file a data protection request");
    }
    if (directory.activeBySlug(slug).isEmpty()
        || municipalities().stream().noneMatch(m -> m.slug().equals(slug))) {
      return new Outcome(null, List.of(Problem.of("municipality", "privacy.request.municipality")));
    }
    ObjectNode answers = JsonNodeFactory.instance.objectNode();
    answers.put("right", right == null ? "" : right);
    answers.put("details", details == null ? "" : details);
    StepOutcome step = journey.saveStep(null, slug, SERVICE_KEY, null, 0, answers, 1);
    if (!step.isSaved()) {
      return new Outcome(null, step.problems());
    }
    SubmissionOutcome submitted =
        journey.submit(step.draftId(), idempotencyKey, email, name, language);
    if (submitted.result() != SubmissionOutcome.Result.SUBMITTED) {
      return new Outcome(null, submitted.problems());
    }
    return new Outcome(submitted.reference().format(), List.of());
  }
}
