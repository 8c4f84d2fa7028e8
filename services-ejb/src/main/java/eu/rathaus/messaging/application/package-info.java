/**
 * Messaging use cases: the mailbox between citizens and staff (threads, messages with files,
 * replies, read markers), and e-mail notices through the transactional outbox — templates without
 * personal content, the retrying sender, and the operators' list of notices given up.
 */
package eu.rathaus.messaging.application;
