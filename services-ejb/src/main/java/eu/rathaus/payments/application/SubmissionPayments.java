package eu.rathaus.payments.application;

import eu.rathaus.applications.application.ApplicationSubmitted;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Opens the fee's payment request when an application is submitted. Observed synchronously inside
 * the submission's transaction, so there is never a fee-bearing application without its request (an
 * exception here rolls the submission back). After the case is opened, as before the event.
 */
@ApplicationScoped
public class SubmissionPayments {

  @Inject Payments payments;

  void onSubmission(
      @Observes @Priority(ApplicationSubmitted.PAYMENT) ApplicationSubmitted submitted) {
    payments.openOnSubmission(
        submitted.application().municipalityId(),
        submitted.application().id(),
        submitted.applicantSubject(),
        submitted.application().referenceNumber(),
        submitted.feeCents());
  }
}
