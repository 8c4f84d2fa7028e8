/**
 * Use cases of decision notices: the admin's text blocks, issuing a notice, downloading it
 * (audited).
 */
package eu.rathaus.notices.application;
