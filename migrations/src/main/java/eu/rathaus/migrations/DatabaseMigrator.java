package eu.rathaus.migrations;

import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations of this module to a database.
 *
 * <p>Migrations run as the schema owner, never as the application role: the application role must
 * not own tables, otherwise it could switch off row-level security or the audit triggers. The
 * application role's name is handed to the SQL as the {@code appRole} placeholder so the grants in
 * the scripts follow whatever role an installation uses.
 */
public final class DatabaseMigrator {

  /** Where the SQL scripts live on the class path. */
  public static final String LOCATION = "classpath:db/migration";

  private DatabaseMigrator() {}

  /**
   * Migrates the database to the newest version.
   *
   * @param jdbcUrl JDBC URL of the portal database
   * @param ownerUser role that owns the schema
   * @param ownerPassword its password
   * @param appRole role the portal connects with at run time
   * @return the schema version after migrating and how many scripts ran now
   */
  public static Result migrate(
      String jdbcUrl, String ownerUser, String ownerPassword, String appRole) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("Not a plain role name: " + appRole);
    }
    Flyway flyway =
        Flyway.configure(DatabaseMigrator.class.getClassLoader())
            .dataSource(jdbcUrl, ownerUser, ownerPassword)
            .locations(LOCATION)
            .placeholders(Map.of("appRole", appRole))
            .connectRetries(2)
            // Nodes starting at once: one migrates under PostgreSQL's advisory lock, the others try
            // the lock once a second. Flyway's default gives up after 50 tries, shorter than a
            // long migration on a busy machine; 10 minutes, then the start-up retry takes over.
            .lockRetryCount(600)
            .load();
    MigrateResult result = flyway.migrate();
    // The version comes from the migration's own result: flyway.info() would scan the scripts and
    // read the history table once more (twice, as it was called), a second or more of every start
    // on a busy machine (issue 16, restart time).
    return new Result(schemaVersion(result), result.migrationsExecuted);
  }

  /**
   * The schema version after {@code result}: the newest script applied now, else the version the
   * database already had, else "0" (an empty database and no scripts).
   */
  static String schemaVersion(MigrateResult result) {
    if (result.targetSchemaVersion != null && !result.targetSchemaVersion.isEmpty()) {
      return result.targetSchemaVersion;
    }
    if (result.initialSchemaVersion != null && !result.initialSchemaVersion.isEmpty()) {
      return result.initialSchemaVersion;
    }
    return "0";
  }

  /** Outcome of a migration run. */
  public record Result(String schemaVersion, int migrationsExecuted) {}
}
