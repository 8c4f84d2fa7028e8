/** Payment use cases: opening a request on submission, paying it, provider notifications, the status poll, refunds. */
package eu.rathaus.payments.application;
