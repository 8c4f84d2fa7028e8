package eu.rathaus.platform;

/**
 * Fired once per start, synchronously, when the schema is migrated and the mapping validated — and
 * before readiness turns UP. Start-up work that needs the tables (seeding demo content) observes it
 * instead of {@code Startup}: the database may still be down at deployment and come back later.
 * Observers must not throw; a failure would keep the portal from becoming ready.
 */
public record SchemaReady(String schemaVersion) {}
