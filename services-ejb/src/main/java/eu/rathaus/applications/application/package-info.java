/** The citizen's application journey: drafts saved per step, submission in one transaction, receipts. */
package eu.rathaus.applications.application;
