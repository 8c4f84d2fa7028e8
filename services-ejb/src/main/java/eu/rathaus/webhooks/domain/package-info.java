/**
 * Webhooks for a municipality's own systems (issue 14): the events, the Standard Webhooks
 * signature, the rules for a subscription's URL, subscriptions and deliveries, and the repository
 * port. No Faces, no JPA.
 */
package eu.rathaus.webhooks.domain;
