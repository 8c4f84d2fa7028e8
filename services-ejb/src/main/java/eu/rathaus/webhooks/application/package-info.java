/**
 * Webhooks' use cases: queueing an event in the transaction it happens in ({@code WebhookEvents}),
 * the municipal admin's subscriptions and delivery log ({@code WebhookSubscriptions}), and the
 * periodic sender ({@code WebhookSender}).
 */
package eu.rathaus.webhooks.application;
