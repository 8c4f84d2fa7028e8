/**
 * Cross-cutting platform plumbing: schema bootstrap (Flyway before Hibernate validates), database
 * readiness, settings from MicroProfile Config, the runtime mode with its production checks and
 * demo values, and the PostgreSQL dialect.
 */
package eu.rathaus.platform;
