package eu.rathaus.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.applications.domain.ApplicationDraft;
import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.applications.domain.ReferenceNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The case aggregate keeps the deadline clock: waiting for the citizen pauses it, decisions are
 * stamped.
 */
class CaseRecordLifecycleTest {

  private static final Instant SUBMITTED = Instant.parse("2026-03-02T09:00:00Z");

  private static CaseRecord newCase(int days) {
    ApplicationDraft draft =
        new ApplicationDraft(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "erika",
            SUBMITTED);
    CaseApplication application =
        new CaseApplication(
            UUID.randomUUID(),
            ReferenceNumber.parse("MUS-2026-000001"),
            draft,
            "{}",
            0,
            SUBMITTED,
            "key-0123456789abcdef",
            "de");
    return new CaseRecord(UUID.randomUUID(), application, days, "  Erika Mustermann ", SUBMITTED);
  }

  @Test
  void aNewCaseIsSubmittedDueAfterTheProcessingDaysAndCarriesTheApplicantsName() {
    CaseRecord c = newCase(10);

    assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
    assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 3, 12));
    assertThat(c.applicantName()).isEqualTo("Erika Mustermann");
    assertThat(c.referenceNumber()).isEqualTo("MUS-2026-000001");
  }

  @Test
  void waitingForTheCitizenMovesTheDueDateByThePausedDaysRoundedUp() {
    CaseRecord c = newCase(10);
    Instant start = SUBMITTED.plus(Duration.ofDays(2));
    c.apply(CaseAction.CLAIM, start, "Mia");
    c.apply(CaseAction.REQUEST_INFORMATION, start, "Mia");
    assertThat(c.status()).isEqualTo(CaseStatus.WAITING_FOR_CITIZEN);
    assertThat(c.waitingSince()).isEqualTo(start);
    // While waiting, the citizen sees the date moving with the running pause.
    assertThat(c.expectedDecision(start.plus(Duration.ofDays(3))))
        .isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(c.isOverdue(start.plus(Duration.ofDays(30))))
        .as("the clock stands still while waiting")
        .isFalse();

    c.apply(
        CaseAction.CITIZEN_REPLIED,
        start.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)),
        "Erika");

    assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(c.waitingSince()).isNull();
    assertThat(c.pausedSeconds()).isEqualTo(Duration.ofDays(3).plusHours(1).getSeconds());
    assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 3, 16));
  }

  @Test
  void pausesAddUp() {
    CaseRecord c = newCase(5);
    c.apply(CaseAction.CLAIM, SUBMITTED, "Mia");
    c.apply(CaseAction.REQUEST_INFORMATION, SUBMITTED, "Mia");
    c.apply(CaseAction.CITIZEN_REPLIED, SUBMITTED.plus(Duration.ofHours(12)), "Erika");
    c.apply(CaseAction.REQUEST_INFORMATION, SUBMITTED.plus(Duration.ofDays(1)), "Mia");
    c.apply(
        CaseAction.CITIZEN_REPLIED,
        SUBMITTED.plus(Duration.ofDays(1)).plus(Duration.ofHours(12)),
        "Erika");

    assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 3, 8));
  }

  @Test
  void aDecisionIsStampedAndRemembersWhoChangedTheCase() {
    CaseRecord c = newCase(5);
    Instant decided = SUBMITTED.plus(Duration.ofDays(1));
    c.apply(CaseAction.CLAIM, SUBMITTED, "Mia");
    c.decideWith("Alle Voraussetzungen erfüllt.");
    c.apply(CaseAction.APPROVE, decided, "Mia Sachbearbeiterin");

    assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
    assertThat(c.decidedAt()).isEqualTo(decided);
    assertThat(c.changedByName()).isEqualTo("Mia Sachbearbeiterin");
    assertThat(c.isOverdue(decided.plus(Duration.ofDays(100)))).isFalse();
  }

  @Test
  void anOpenCaseBecomesOverdueTheDayAfterItsDueDate() {
    CaseRecord c = newCase(5);
    assertThat(c.isOverdue(Instant.parse("2026-03-07T22:00:00Z"))).isFalse();
    assertThat(c.isOverdue(Instant.parse("2026-03-07T23:30:00Z"))).as("8 March in Berlin").isTrue();
  }
}
