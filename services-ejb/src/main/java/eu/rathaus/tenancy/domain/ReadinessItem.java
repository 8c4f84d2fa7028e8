package eu.rathaus.tenancy.domain;

/**
 * Something a municipality needs before it takes applications and fees, checked by the readiness
 * list on the admin's start page and the platform admin's list. Only some of them stop publishing:
 * without a reference code no application can get an Aktenzeichen, without a payee account no fee
 * can be requested. The others are what a complete authority owes its citizens (letterhead, legal
 * remedy, data protection officer, opening hours); notices fall back to the name and a generic
 * remedy text until they exist.
 */
public enum ReadinessItem {
  REFERENCE_CODE,
  PAYEE_ACCOUNT,
  LETTERHEAD,
  LEGAL_REMEDY,
  DATA_PROTECTION,
  OPENING_HOURS;

  /**
   * Whether a service may be published while this is missing; {@code charges}: its fee can be above
   * zero.
   */
  public boolean blocksPublishing(boolean charges) {
    return this == REFERENCE_CODE || (this == PAYEE_ACCOUNT && charges);
  }

  /** Message key of the web bundle naming what is missing. */
  public String messageKey() {
    return "readiness." + name();
  }
}
