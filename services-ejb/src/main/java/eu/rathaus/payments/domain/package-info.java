/**
 * Fees and how they are paid: payment requests with their state machine and event list, refunds,
 * ISO 11649 references (Kassenzeichen), SEPA QR codes (EPC069-12), provider signatures.
 */
package eu.rathaus.payments.domain;
