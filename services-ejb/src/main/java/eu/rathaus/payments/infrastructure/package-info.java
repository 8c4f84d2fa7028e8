/** JPA storage of payment requests, events and refunds. */
package eu.rathaus.payments.infrastructure;
