package eu.rathaus.registers.lostproperty.domain;

/** Where a found item stands. */
public enum ItemStatus {
  /** Kept by the office; listed in the public search. */
  FOUND,
  /** A clerk confirmed a loss report as the owner's. */
  CLAIMED,
  /** Given back to the owner. */
  HANDED_OVER,
  /** The deadline passed; the finder acquires it (§ 973 BGB). */
  TO_FINDER,
  /** The deadline passed and the finder waived the right; the municipality acquires it (§ 976). */
  TO_MUNICIPALITY
}
