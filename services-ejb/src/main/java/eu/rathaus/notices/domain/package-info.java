/**
 * Decision notices (Bescheide): text blocks, letterhead, what a notice says, the applicant as
 * addressed, and the port {@link eu.rathaus.notices.domain.NoticeCases} through which notices get
 * the decided case's snapshot from the case work.
 */
package eu.rathaus.notices.domain;
