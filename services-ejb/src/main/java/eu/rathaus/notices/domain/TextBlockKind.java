package eu.rathaus.notices.domain;

/**
 * What a text block is for. Reasons are picked per decision (approval or rejection); the legal
 * remedy instruction is printed on every notice, because a notice without one extends the time for
 * an objection to a year (§ 58 Abs. 2 VwGO).
 */
public enum TextBlockKind {
  APPROVAL,
  REJECTION,
  LEGAL_REMEDY;

  /** The kind of reasons that fit a decision. */
  public static TextBlockKind reasonsFor(boolean approved) {
    return approved ? APPROVAL : REJECTION;
  }
}
