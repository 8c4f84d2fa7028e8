/**
 * Starts and stops the local Rathaus stack (PostgreSQL, Keycloak, WildFly, mail catcher) from plain
 * Java, so that {@code ./rathaus up} and the browser tests share one code path instead of two
 * diverging sets of scripts.
 */
package eu.rathaus.launcher;
