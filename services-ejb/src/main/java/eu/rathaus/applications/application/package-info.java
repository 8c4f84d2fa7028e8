/**
 * The citizen's application journey: drafts saved per step, submission in one transaction,
 * receipts. A submission fires {@link eu.rathaus.applications.application.ApplicationSubmitted}, on
 * which the case work opens the case and payments the fee's request, in the same transaction.
 */
package eu.rathaus.applications.application;
