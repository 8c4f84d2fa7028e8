package eu.rathaus.cases.domain;

import static eu.rathaus.cases.domain.CaseAction.Actor.CITIZEN;
import static eu.rathaus.cases.domain.CaseAction.Actor.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseLifecycleTest {

  @Test
  void theRegularPathFromSubmissionToClosure() {
    CaseStatus status = CaseStatus.SUBMITTED;
    for (CaseAction step :
        new CaseAction[] {
          CaseAction.CLAIM,
          CaseAction.REQUEST_INFORMATION,
          CaseAction.CITIZEN_REPLIED,
          CaseAction.APPROVE,
          CaseAction.CLOSE
        }) {
      CaseLifecycle.Decision decision = CaseLifecycle.decide(status, step, step.actor());
      assertThat(decision.allowed()).as(step + " from " + status).isTrue();
      status = decision.next();
    }
    assertThat(status).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void aDecidedCaseCannotBeDecidedAgainOrWithdrawn() {
    assertThat(CaseLifecycle.decide(CaseStatus.APPROVED, CaseAction.REJECT, STAFF).refusalKey())
        .isEqualTo("case.refused.already-decided");
    assertThat(CaseLifecycle.decide(CaseStatus.REJECTED, CaseAction.WITHDRAW, CITIZEN).allowed())
        .isFalse();
    assertThat(CaseLifecycle.decide(CaseStatus.CLOSED, CaseAction.CLAIM, STAFF).allowed())
        .isFalse();
  }

  @Test
  void citizensCannotActForClerksNorTheOtherWayRound() {
    assertThat(CaseLifecycle.decide(CaseStatus.IN_REVIEW, CaseAction.APPROVE, CITIZEN).refusalKey())
        .isEqualTo("case.refused.not-yours");
    assertThat(CaseLifecycle.decide(CaseStatus.SUBMITTED, CaseAction.WITHDRAW, STAFF).allowed())
        .isFalse();
  }

  @Test
  void whatThePortalIssuedAtOnceClosesTheCaseButNoButtonOffersIt() {
    CaseLifecycle.Decision issued =
        CaseLifecycle.decide(CaseStatus.SUBMITTED, CaseAction.ISSUED, CaseAction.Actor.SYSTEM);
    assertThat(issued.allowed()).isTrue();
    assertThat(issued.next()).isEqualTo(CaseStatus.CLOSED);
    assertThat(
            CaseLifecycle.decide(CaseStatus.APPROVED, CaseAction.ISSUED, CaseAction.Actor.SYSTEM)
                .refusalKey())
        .isEqualTo("case.refused.already-decided");
    assertThat(CaseLifecycle.decide(CaseStatus.SUBMITTED, CaseAction.ISSUED, CITIZEN).allowed())
        .isFalse();
    assertThat(CaseLifecycle.available(CaseStatus.SUBMITTED, STAFF))
        .doesNotContain(CaseAction.ISSUED);
    assertThat(CaseLifecycle.available(CaseStatus.SUBMITTED, CITIZEN))
        .doesNotContain(CaseAction.ISSUED);
  }

  @Test
  void decisionsNeedAReviewFirst() {
    assertThat(CaseLifecycle.decide(CaseStatus.SUBMITTED, CaseAction.APPROVE, STAFF).refusalKey())
        .isEqualTo("case.refused.not-now");
    assertThat(
            CaseLifecycle.decide(CaseStatus.WAITING_FOR_CITIZEN, CaseAction.APPROVE, STAFF)
                .allowed())
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = CaseStatus.class,
      names = {"SUBMITTED", "IN_REVIEW", "WAITING_FOR_CITIZEN"})
  void citizensMayWithdrawUntilTheDecision(CaseStatus status) {
    assertThat(CaseLifecycle.decide(status, CaseAction.WITHDRAW, CITIZEN).next())
        .isEqualTo(CaseStatus.WITHDRAWN);
  }

  @Test
  void availableActionsMatchTheGuard() {
    assertThat(CaseLifecycle.available(CaseStatus.IN_REVIEW, STAFF))
        .containsExactlyInAnyOrder(
            CaseAction.REQUEST_INFORMATION, CaseAction.APPROVE, CaseAction.REJECT);
    assertThat(CaseLifecycle.available(CaseStatus.WAITING_FOR_CITIZEN, CITIZEN))
        .containsExactlyInAnyOrder(CaseAction.CITIZEN_REPLIED, CaseAction.WITHDRAW);
    assertThat(CaseLifecycle.available(CaseStatus.CLOSED, STAFF)).isEmpty();
  }
}
