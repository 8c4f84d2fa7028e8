/**
 * Payments' adapters: JPA storage of payment requests, events, refunds and imported statements; the
 * camt.053 reader and pain.001 writer (XML read with {@code SafeXml}, no external entities); the
 * hosted payment page provider and its signed protocol.
 */
package eu.rathaus.payments.infrastructure;
