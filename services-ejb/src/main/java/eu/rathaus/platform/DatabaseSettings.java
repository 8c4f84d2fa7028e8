package eu.rathaus.platform;

/**
 * Where the portal's database is and who may change its schema. Read through {@link Settings} (the
 * same keys the WildFly datasource reads from the environment), with the demo defaults of {@code
 * ./rathaus up}; production refuses the demo password ({@link ProductionCheck}).
 */
public record DatabaseSettings(
    String url, String appUser, String migrationUser, String migrationPassword) {

  public static DatabaseSettings fromEnvironment() {
    return new DatabaseSettings(
        setting("POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:15432/rathaus"),
        setting("POSTGRESQL_USER", "rathaus"),
        setting("POSTGRESQL_MIGRATION_USER", "rathaus_owner"),
        setting("POSTGRESQL_MIGRATION_PASSWORD", DemoValues.MIGRATION_PASSWORD));
  }

  static String setting(String name, String fallback) {
    return Settings.text(name, fallback);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + url
        + ", appUser="
        + appUser
        + ", migrationUser="
        + migrationUser
        + "]";
  }
}
