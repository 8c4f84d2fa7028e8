package eu.rathaus.retention.domain;

import eu.rathaus.privacy.domain.RetentionDefaults;

/**
 * How long a service keeps what: untouched drafts ({@code draftMonths}) and ended cases with their
 * files, messages and notices ({@code caseMonths} after the case ended). Booked payments are not a
 * setting: budget law fixes them ({@link RetentionRules#PAYMENT_YEARS}).
 */
public record RetentionPeriods(int draftMonths, int caseMonths) {

  public static final int MIN_DRAFT_MONTHS = 1;
  public static final int MAX_DRAFT_MONTHS = 24;
  public static final int MIN_CASE_MONTHS = 6;
  public static final int MAX_CASE_MONTHS = 360;

  /** The platform's defaults, the same numbers the privacy notice states. */
  public static final RetentionPeriods PLATFORM =
      new RetentionPeriods(RetentionDefaults.DRAFT_MONTHS, RetentionDefaults.CASE_YEARS * 12);

  public RetentionPeriods {
    if (draftMonths < MIN_DRAFT_MONTHS || draftMonths > MAX_DRAFT_MONTHS) {
      throw new IllegalArgumentException("draft months out of range: " + draftMonths);
    }
    if (caseMonths < MIN_CASE_MONTHS || caseMonths > MAX_CASE_MONTHS) {
      throw new IllegalArgumentException("case months out of range: " + caseMonths);
    }
  }

  /** The platform defaults with a service's overrides (null = default). */
  public static RetentionPeriods of(Integer draftMonths, Integer caseMonths) {
    return new RetentionPeriods(
        draftMonths == null ? PLATFORM.draftMonths : draftMonths,
        caseMonths == null ? PLATFORM.caseMonths : caseMonths);
  }

  /** True if a value is an allowed draft period. */
  public static boolean validDraftMonths(Integer months) {
    return months == null || (months >= MIN_DRAFT_MONTHS && months <= MAX_DRAFT_MONTHS);
  }

  /** True if a value is an allowed case period. */
  public static boolean validCaseMonths(Integer months) {
    return months == null || (months >= MIN_CASE_MONTHS && months <= MAX_CASE_MONTHS);
  }
}
