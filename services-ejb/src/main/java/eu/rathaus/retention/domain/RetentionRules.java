package eu.rathaus.retention.domain;

import java.time.LocalDate;

/**
 * The date rules of retention, one place for the scheduled job, the admin's dry run and erasure on
 * request:
 *
 * <ul>
 *   <li>a draft is due {@code draftMonths} after it was last touched;
 *   <li>an ended case (decided, closed, withdrawn) with its files, messages and notices is due
 *       {@code caseMonths} after it ended; an open case is never due;
 *   <li>a booked payment keeps its case until the end of the tenth year after the year of booking
 *       (budget law counts from the end of the calendar year), i.e. due on 1 January of year + 11;
 *   <li>a legal hold keeps the case, whatever the dates say;
 *   <li>on an erasure request (Art. 17) a withdrawn case goes at once, but a decision must be
 *       provable until its period ends (Art. 17(3)(b): a legal obligation to keep it).
 * </ul>
 *
 * A period's last day is kept: something due "6 months after 31 August" goes on 28 February (end of
 * month clamps, as {@link LocalDate#plusMonths} does), not before.
 */
public final class RetentionRules {

  public static final int PAYMENT_YEARS = 10;

  private RetentionRules() {}

  /** The day a draft last touched on {@code lastTouched} becomes due. */
  public static LocalDate draftDueOn(LocalDate lastTouched, RetentionPeriods periods) {
    return lastTouched.plusMonths(periods.draftMonths());
  }

  public static Verdict draft(LocalDate lastTouched, RetentionPeriods periods, LocalDate today) {
    LocalDate due = draftDueOn(lastTouched, periods);
    return today.isBefore(due)
        ? Verdict.keep(Verdict.Reason.DRAFT_RUNNING, due)
        : Verdict.erase(Verdict.Reason.DRAFT_ABANDONED, due);
  }

  /** The first day a payment booked on {@code bookedOn} may be erased. */
  public static LocalDate paymentDueOn(LocalDate bookedOn) {
    return LocalDate.of(bookedOn.getYear() + PAYMENT_YEARS + 1, 1, 1);
  }

  /**
   * Payments booked before this day are past their period on {@code today}: the inverse of {@link
   * #paymentDueOn}, for the job's query.
   */
  public static LocalDate bookedPaymentCutoff(LocalDate today) {
    return LocalDate.of(today.getYear() - PAYMENT_YEARS, 1, 1);
  }

  /** The scheduled rule for a case. */
  public static Verdict scheduled(CaseFacts c, RetentionPeriods periods, LocalDate today) {
    if (!c.ended()) {
      return Verdict.keep(Verdict.Reason.CASE_OPEN, null);
    }
    LocalDate caseDue = c.endedOn().plusMonths(periods.caseMonths());
    LocalDate due = later(caseDue, paymentDue(c));
    if (c.legalHold()) {
      return Verdict.keep(Verdict.Reason.LEGAL_HOLD, due);
    }
    if (today.isBefore(due)) {
      return Verdict.keep(
          today.isBefore(caseDue)
              ? Verdict.Reason.CASE_PERIOD_RUNNING
              : Verdict.Reason.BOOKED_PAYMENT,
          due);
    }
    return Verdict.erase(Verdict.Reason.CASE_PERIOD_OVER, due);
  }

  /** An erasure request (Art. 17) approved by the municipality, for one of the person's cases. */
  public static Verdict requested(CaseFacts c, RetentionPeriods periods, LocalDate today) {
    Verdict scheduled = scheduled(c, periods, today);
    if (scheduled.erase() || !c.ended() || c.legalHold()) {
      return scheduled.erase() ? Verdict.erase(Verdict.Reason.REQUESTED, today) : scheduled;
    }
    LocalDate paymentDue = paymentDue(c);
    if (paymentDue != null && today.isBefore(paymentDue)) {
      return Verdict.keep(Verdict.Reason.BOOKED_PAYMENT, scheduled.dueOn());
    }
    if (c.withdrawn()) {
      return Verdict.erase(Verdict.Reason.REQUESTED, today);
    }
    return Verdict.keep(Verdict.Reason.DECISION_MUST_BE_KEPT, scheduled.dueOn());
  }

  private static LocalDate paymentDue(CaseFacts c) {
    return c.lastBookedPaymentOn() == null ? null : paymentDueOn(c.lastBookedPaymentOn());
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return b == null || a.isAfter(b) ? a : b;
  }
}
