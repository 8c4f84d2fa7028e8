package eu.rathaus.cases.application;

import eu.rathaus.messaging.application.ApplicantReplied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The applicant's answer in a case's mailbox thread resumes the case: waiting for the citizen → in
 * review, the deadline clock running again. Observed synchronously, inside the reply's own
 * transaction, so the message and the state change are stored together or not at all. A message
 * while the case does not wait changes nothing.
 */
@ApplicationScoped
public class ReplyObserver {

  @Inject CaseWork work;

  void onReply(@Observes ApplicantReplied reply) {
    work.applicantReplied(reply.caseId());
  }
}
