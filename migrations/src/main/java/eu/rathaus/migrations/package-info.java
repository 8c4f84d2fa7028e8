/** Flyway migrations and the migrator that applies them before the portal serves. */
package eu.rathaus.migrations;
