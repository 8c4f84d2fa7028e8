/**
 * The citizen's application pages: multi-step form, "Meine Anträge", confirmation and PDF receipt.
 */
package eu.rathaus.web.applications;
