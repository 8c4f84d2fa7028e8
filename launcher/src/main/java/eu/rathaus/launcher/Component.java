package eu.rathaus.launcher;

/**
 * The ports the local stack listens on, each with the environment variable that moves it.
 *
 * <p>Kept as an enum so that a port conflict can always be reported together with the one variable
 * the user has to change, instead of a bare "address already in use".
 */
public enum Component {
  PORTAL("RATHAUS_PORTAL_PORT", "Portal (WildFly HTTP)"),
  WILDFLY_MANAGEMENT("RATHAUS_MANAGEMENT_PORT", "WildFly-Management"),
  KEYCLOAK("RATHAUS_KEYCLOAK_PORT", "Keycloak"),
  KEYCLOAK_MANAGEMENT("RATHAUS_KEYCLOAK_MANAGEMENT_PORT", "Keycloak-Management/Health"),
  POSTGRES("RATHAUS_POSTGRES_PORT", "PostgreSQL"),
  SMTP("RATHAUS_SMTP_PORT", "Mail (SMTP)"),
  MAIL_WEB("RATHAUS_MAIL_WEB_PORT", "Mail-Postfach (Web)"),
  /** Optional: only bound when ClamAV's clamd is installed (see {@link LocalClamd}). */
  CLAMD("RATHAUS_CLAMD_PORT", "Virenscanner (clamd)"),
  /** The hosted payment page sandbox ({@link LocalPaymentSandbox}). */
  PAYMENT_SANDBOX("RATHAUS_PAYMENT_SANDBOX_PORT", "Zahlungs-Sandbox"),
  /** The test double of an external resident register service ({@link LocalRegisterService}). */
  REGISTER_SERVICE("RATHAUS_REGISTER_SERVICE_PORT", "Melderegister-Dienst (Attrappe)");

  private final String envVar;
  private final String label;

  Component(String envVar, String label) {
    this.envVar = envVar;
    this.label = label;
  }

  /** The environment variable that overrides this port for {@code ./rathaus up}. */
  public String envVar() {
    return envVar;
  }

  /** Human-readable name used in console messages. */
  public String label() {
    return label;
  }
}
