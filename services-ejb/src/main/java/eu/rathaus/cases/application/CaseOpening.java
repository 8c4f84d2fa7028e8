package eu.rathaus.cases.application;

import eu.rathaus.applications.application.ApplicationSubmitted;
import eu.rathaus.applications.domain.CaseStates;
import eu.rathaus.cases.domain.CaseAction;
import eu.rathaus.cases.domain.CaseLifecycle;
import eu.rathaus.cases.domain.CaseRecord;
import eu.rathaus.cases.domain.CaseRepository;
import eu.rathaus.cases.domain.CaseStatus;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The case work's side of the citizen's journey: a submitted application opens its case record
 * (status "submitted", due date from the service's processing days) inside the submission's
 * transaction, and "Meine Anträge" reads the case's state through {@link CaseStates}.
 */
@ApplicationScoped
public class CaseOpening implements CaseStates {

  @Inject CaseRepository cases;

  @Inject @Any Instance<CaseRouting> routings;

  void onSubmission(@Observes @Priority(ApplicationSubmitted.CASE) ApplicationSubmitted submitted) {
    CaseRecord opened =
        new CaseRecord(
            UUID.randomUUID(),
            submitted.application(),
            submitted.processingDays(),
            submitted.applicantName(),
            submitted.application().submittedAt());
    for (CaseRouting routing : routings) {
      routing.staffRole(submitted.serviceKey()).ifPresent(opened::reservedFor);
    }
    cases.add(opened);
  }

  @Override
  public State ofApplication(UUID applicationId, Instant now) {
    Optional<CaseRecord> record = cases.ofApplication(applicationId);
    CaseStatus status = record.map(CaseRecord::status).orElse(CaseStatus.SUBMITTED);
    return new State(
        record.map(CaseRecord::id).orElse(null),
        status.name(),
        record.map(c -> c.expectedDecision(now)).orElse(null),
        CaseLifecycle.decide(status, CaseAction.WITHDRAW, CaseAction.Actor.CITIZEN).allowed());
  }
}
