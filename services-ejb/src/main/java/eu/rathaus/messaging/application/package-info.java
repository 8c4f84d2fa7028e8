/** Turning outbox rows into e-mail: templates without personal content, the retrying sender. */
package eu.rathaus.messaging.application;
