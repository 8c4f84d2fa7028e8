/** Messages to citizens: the transactional outbox of e-mail notices and its retry rules. */
package eu.rathaus.messaging.domain;
