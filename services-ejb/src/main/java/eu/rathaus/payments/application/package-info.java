/** Payments use cases: the treasury's statement import, payment overview, clarifications, CSV export and refunds. */
package eu.rathaus.payments.application;
