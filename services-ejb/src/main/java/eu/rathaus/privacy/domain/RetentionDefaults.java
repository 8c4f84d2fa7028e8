package eu.rathaus.privacy.domain;

/**
 * The platform's default retention periods, stated on every privacy notice and in the records of
 * processing. One place, so the notice and the records never say different things (and the later
 * erasure job reads the same numbers).
 */
public final class RetentionDefaults {

  /** Drafts untouched for this many months are abandoned. */
  public static final int DRAFT_MONTHS = 6;

  /**
   * Applications with their answers, files, messages, notices and the case: years after the case
   * ended (decided, withdrawn or closed).
   */
  public static final int CASE_YEARS = 5;

  /** Booked payments: years under municipal budget law (end of the year of booking). */
  public static final int PAYMENT_YEARS = 10;

  private RetentionDefaults() {}
}
