package eu.rathaus.retention.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionRulesTest {

  private static final RetentionPeriods DEFAULTS = RetentionPeriods.PLATFORM;

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static CaseFacts decided(String endedOn) {
    return new CaseFacts(true, false, d(endedOn), false, null);
  }

  @Test
  void platformDefaultsAreThoseOfThePrivacyNotice() {
    assertEquals(6, DEFAULTS.draftMonths());
    assertEquals(60, DEFAULTS.caseMonths());
    assertEquals(10, RetentionRules.PAYMENT_YEARS);
  }

  @Test
  void aDraftIsDueSixMonthsAfterItWasLastTouchedNotADayEarlier() {
    assertFalse(RetentionRules.draft(d("2026-01-15"), DEFAULTS, d("2026-07-14")).erase());
    Verdict due = RetentionRules.draft(d("2026-01-15"), DEFAULTS, d("2026-07-15"));
    assertTrue(due.erase());
    assertEquals(Verdict.Reason.DRAFT_ABANDONED, due.reason());
    assertEquals(d("2026-07-15"), due.dueOn());
    assertEquals(
        Verdict.Reason.DRAFT_RUNNING,
        RetentionRules.draft(d("2026-01-15"), DEFAULTS, d("2026-03-01")).reason());
  }

  @Test
  void monthEndsClampAndLeapDaysAreKept() {
    assertEquals(
        d("2027-02-28"), RetentionRules.draftDueOn(d("2026-08-31"), RetentionPeriods.of(6, null)));
    assertEquals(
        d("2029-02-28"),
        RetentionRules.scheduled(
                decided("2024-02-29"), RetentionPeriods.of(null, 60), d("2030-01-01"))
            .dueOn());
  }

  @Test
  void aServiceOverrideReplacesOnlyWhatItSets() {
    RetentionPeriods shortDrafts = RetentionPeriods.of(1, null);
    assertEquals(1, shortDrafts.draftMonths());
    assertEquals(60, shortDrafts.caseMonths());
    assertTrue(RetentionRules.draft(d("2026-01-15"), shortDrafts, d("2026-02-15")).erase());
    assertThrows(IllegalArgumentException.class, () -> RetentionPeriods.of(0, null));
    assertThrows(IllegalArgumentException.class, () -> RetentionPeriods.of(null, 5));
    assertFalse(RetentionPeriods.validCaseMonths(361));
    assertTrue(RetentionPeriods.validCaseMonths(null));
  }

  @Test
  void anEndedCaseIsDueAfterItsPeriodAnOpenOneNever() {
    Verdict running = RetentionRules.scheduled(decided("2020-03-10"), DEFAULTS, d("2025-03-09"));
    assertFalse(running.erase());
    assertEquals(Verdict.Reason.CASE_PERIOD_RUNNING, running.reason());
    assertEquals(d("2025-03-10"), running.dueOn());
    Verdict over = RetentionRules.scheduled(decided("2020-03-10"), DEFAULTS, d("2025-03-10"));
    assertTrue(over.erase());
    assertEquals(Verdict.Reason.CASE_PERIOD_OVER, over.reason());

    Verdict open =
        RetentionRules.scheduled(
            new CaseFacts(false, false, null, false, null), DEFAULTS, d("2099-01-01"));
    assertFalse(open.erase());
    assertEquals(Verdict.Reason.CASE_OPEN, open.reason());
    assertThrows(
        IllegalArgumentException.class, () -> new CaseFacts(true, false, null, false, null));
  }

  @Test
  void aLegalHoldKeepsACaseWhateverTheDatesSay() {
    Verdict held =
        RetentionRules.scheduled(
            new CaseFacts(true, false, d("2001-01-01"), true, null), DEFAULTS, d("2026-12-07"));
    assertFalse(held.erase());
    assertEquals(Verdict.Reason.LEGAL_HOLD, held.reason());
    assertFalse(
        RetentionRules.requested(
                new CaseFacts(true, true, d("2026-01-01"), true, null), DEFAULTS, d("2026-12-07"))
            .erase());
  }

  @Test
  void aBookedPaymentIsKeptToTheEndOfTheTenthYearAfterBooking() {
    assertEquals(d("2037-01-01"), RetentionRules.paymentDueOn(d("2026-03-05")));
    assertEquals(d("2037-01-01"), RetentionRules.paymentDueOn(d("2026-12-31")));
    assertEquals(d("2027-01-01"), RetentionRules.bookedPaymentCutoff(d("2037-06-30")));

    CaseFacts paid = new CaseFacts(true, false, d("2026-03-05"), false, d("2026-03-01"));
    Verdict kept = RetentionRules.scheduled(paid, RetentionPeriods.of(null, 12), d("2030-01-01"));
    assertFalse(kept.erase());
    assertEquals(Verdict.Reason.BOOKED_PAYMENT, kept.reason());
    assertEquals(d("2037-01-01"), kept.dueOn());
    assertFalse(
        RetentionRules.scheduled(paid, RetentionPeriods.of(null, 12), d("2036-12-31")).erase());
    assertTrue(
        RetentionRules.scheduled(paid, RetentionPeriods.of(null, 12), d("2037-01-01")).erase());
  }

  @Test
  void anErasureRequestTakesWithdrawnCasesAtOnceButKeepsDecisionsAndBookings() {
    LocalDate today = d("2026-12-07");
    Verdict withdrawn =
        RetentionRules.requested(
            new CaseFacts(true, true, d("2026-12-01"), false, null), DEFAULTS, today);
    assertTrue(withdrawn.erase());
    assertEquals(Verdict.Reason.REQUESTED, withdrawn.reason());

    Verdict decision = RetentionRules.requested(decided("2026-06-01"), DEFAULTS, today);
    assertFalse(decision.erase());
    assertEquals(Verdict.Reason.DECISION_MUST_BE_KEPT, decision.reason());
    assertEquals(d("2031-06-01"), decision.dueOn());

    Verdict booked =
        RetentionRules.requested(
            new CaseFacts(true, true, d("2026-12-01"), false, d("2026-11-01")), DEFAULTS, today);
    assertFalse(booked.erase());
    assertEquals(Verdict.Reason.BOOKED_PAYMENT, booked.reason());

    Verdict open =
        RetentionRules.requested(new CaseFacts(false, false, null, false, null), DEFAULTS, today);
    assertEquals(Verdict.Reason.CASE_OPEN, open.reason());

    assertTrue(RetentionRules.requested(decided("2019-01-01"), DEFAULTS, today).erase());
  }
}
