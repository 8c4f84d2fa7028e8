/**
 * Delivery of decision notices (PDF download for applicant and staff) and the signatory of new
 * notices.
 */
package eu.rathaus.web.notices;
