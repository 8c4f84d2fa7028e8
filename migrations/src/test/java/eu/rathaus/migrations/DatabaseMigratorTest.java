package eu.rathaus.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class DatabaseMigratorTest {

  @Test
  void theVersionIsTheNewestScriptAppliedNow() {
    MigrateResult result = new MigrateResult();
    result.initialSchemaVersion = "74";
    result.targetSchemaVersion = "76";

    assertEquals("76", DatabaseMigrator.schemaVersion(result));
  }

  @Test
  void withNothingToApplyTheVersionIsTheOneTheDatabaseHad() {
    MigrateResult result = new MigrateResult();
    result.initialSchemaVersion = "76";

    assertEquals("76", DatabaseMigrator.schemaVersion(result));
  }

  @Test
  void anEmptyDatabaseWithoutScriptsIsAtVersionZero() {
    assertEquals("0", DatabaseMigrator.schemaVersion(new MigrateResult()));
  }
}
