/**
 * Payment use cases: opening a request on submission, paying it (hosted page or SEPA transfer),
 * provider notifications and the status poll, the treasury's statement import, payment overview,
 * clarifications, CSV export and refunds.
 */
package eu.rathaus.payments.application;
