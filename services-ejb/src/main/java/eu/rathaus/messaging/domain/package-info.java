/**
 * Messages to and from citizens: mailbox threads and messages, the transactional outbox of e-mail
 * notices with its retry rules, and how an address is masked in logs.
 */
package eu.rathaus.messaging.domain;
