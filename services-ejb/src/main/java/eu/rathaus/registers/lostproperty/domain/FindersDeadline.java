package eu.rathaus.registers.lostproperty.domain;

import java.time.LocalDate;

/**
 * § 973 BGB: six months after the finding was reported to the authority, the finder acquires the
 * property unless the owner came forward; a finder who waived the right leaves it to the
 * municipality (§ 976). The database computes the same date (V42, generated column).
 */
public final class FindersDeadline {

  private FindersDeadline() {}

  /** The day the deadline passes for an item found on {@code foundOn}. */
  public static LocalDate of(LocalDate foundOn) {
    return foundOn.plusMonths(6);
  }

  /** Whether the deadline of an item found on {@code foundOn} has passed on {@code today}. */
  public static boolean passed(LocalDate foundOn, LocalDate today) {
    return today.isAfter(of(foundOn));
  }

  /** Who acquires an unclaimed item once its deadline passed. */
  public static ItemStatus outcome(boolean finderKeeps) {
    return finderKeeps ? ItemStatus.TO_FINDER : ItemStatus.TO_MUNICIPALITY;
  }
}
