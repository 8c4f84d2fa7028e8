package eu.rathaus.messaging.domain;

/**
 * Which side of a thread wrote a message; the other side is the one whose opening counts as reading
 * it.
 */
public enum AuthorKind {
  CITIZEN,
  STAFF;

  /** The side that receives a message of this author. */
  public AuthorKind other() {
    return this == CITIZEN ? STAFF : CITIZEN;
  }
}
