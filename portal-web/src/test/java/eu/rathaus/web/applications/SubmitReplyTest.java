package eu.rathaus.web.applications;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.applications.application.SubmissionOutcome.Result;
import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.catalogue.domain.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmitReplyTest {

  @Test
  void aSubmittedApplicationIsConfirmedByItsReference() {
    SubmitReply reply =
        SubmitReply.of(
            new SubmissionOutcome(
                Result.SUBMITTED, new ReferenceNumber("MUS", 2026, 12), List.of(), -1));
    assertThat(reply.confirmed()).isTrue();
    assertThat(reply.reference()).isEqualTo("MUS-2026-000012");
  }

  @Test
  void invalidAnswersNameTheFirstStepWithAProblemCountingFromOne() {
    List<Problem> problems = List.of(Problem.of("firstNames", "validation.required"));
    SubmitReply reply = SubmitReply.of(new SubmissionOutcome(Result.INVALID, null, problems, 1));
    assertThat(reply.confirmed()).isFalse();
    assertThat(reply.messageKey()).isEqualTo("application.submit.invalidStep");
    assertThat(reply.args()).containsExactly(2);

    SubmitReply withoutStep =
        SubmitReply.of(new SubmissionOutcome(Result.INVALID, null, problems, -1));
    assertThat(withoutStep.messageKey()).isEqualTo("application.submit.invalid");
    assertThat(withoutStep.args()).isEmpty();
  }

  @Test
  void aMissingDraftAndAnUnavailableMunicipalityAreMessages() {
    assertThat(
            SubmitReply.of(new SubmissionOutcome(Result.NOT_FOUND, null, List.of(), -1))
                .messageKey())
        .isEqualTo("application.submit.failed");
    assertThat(
            SubmitReply.of(new SubmissionOutcome(Result.UNAVAILABLE, null, List.of(), -1))
                .messageKey())
        .isEqualTo("application.submit.unavailable");
  }

  @Test
  void afterAFailureTheEarlierDuplicateIsConfirmedOrTheCitizenIsToldToTryLater() {
    assertThat(SubmitReply.afterFailure(Optional.of("MUS-2026-000012")).reference())
        .isEqualTo("MUS-2026-000012");
    SubmitReply nothing = SubmitReply.afterFailure(Optional.empty());
    assertThat(nothing.confirmed()).isFalse();
    assertThat(nothing.messageKey()).isEqualTo("application.submit.unavailable");
  }
}
