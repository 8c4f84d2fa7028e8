/** Native SQL on the V59 tables and the HTTP client that posts deliveries. */
package eu.rathaus.webhooks.infrastructure;
