/** The citizen's payment pages (pay, outcome) and the provider notification endpoint. */
package eu.rathaus.web.payments;
