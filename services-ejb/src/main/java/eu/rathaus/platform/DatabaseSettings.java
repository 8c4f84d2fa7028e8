package eu.rathaus.platform;

/**
 * Where the portal's database is and who may change its schema. Read from the environment (the same
 * variables the WildFly datasource uses), with system properties of the same name winning, and
 * local defaults that match {@code ./rathaus up}.
 */
public record DatabaseSettings(String url, String appUser, String migrationUser, String migrationPassword) {

  public static DatabaseSettings fromEnvironment() {
    return new DatabaseSettings(
        setting("POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:15432/rathaus"),
        setting("POSTGRESQL_USER", "rathaus"),
        setting("POSTGRESQL_MIGRATION_USER", "rathaus_owner"),
        setting("POSTGRESQL_MIGRATION_PASSWORD", "rathaus_owner"));
  }

  static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", appUser=" + appUser + ", migrationUser=" + migrationUser + "]";
  }
}
