package eu.rathaus.platform;

/**
 * Demo or production. {@code ./rathaus up} and the test stack set {@code RATHAUS_MODE=demo}; every
 * other start (container images, manifests, a hand-made start) is production, so forgetting the
 * switch fails closed: production refuses published secrets, demo users and unsafe defaults ({@link
 * ProductionCheck}).
 */
public enum RuntimeMode {
  DEMO,
  PRODUCTION;

  /** The setting (MicroProfile Config key) that switches the demo on. */
  public static final String VARIABLE = "RATHAUS_MODE";

  public static RuntimeMode current() {
    return "demo".equalsIgnoreCase(Settings.text(VARIABLE, "")) ? DEMO : PRODUCTION;
  }

  public boolean isDemo() {
    return this == DEMO;
  }
}
