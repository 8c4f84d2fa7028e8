package eu.rathaus.platform;

/**
 * Demo or production. {@code ./rathaus up} and the test stack set {@code RATHAUS_MODE=demo}; every other
 * start (container images, manifests, a hand-made start) is production, so forgetting the switch fails
 * closed: production refuses published secrets, demo users and unsafe defaults.
 */
public enum RuntimeMode {
  DEMO,
  PRODUCTION;

  /** The variable (or system property of the same name) that switches the demo on. */
  public static final String VARIABLE = "RATHAUS_MODE";

  public static RuntimeMode current() {
    String value = System.getProperty(VARIABLE);
    if (value == null || value.isBlank()) {
      value = System.getenv(VARIABLE);
    }
    return "demo".equalsIgnoreCase(value == null ? "" : value.trim()) ? DEMO : PRODUCTION;
  }

  public boolean isDemo() {
    return this == DEMO;
  }
}
