/**
 * The outbox's SQL (claiming due rows with SKIP LOCKED) and the SMTP delivery through the server's
 * mail session.
 */
package eu.rathaus.messaging.infrastructure;
