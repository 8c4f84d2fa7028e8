/** Decision notices (Bescheide): text blocks, letterhead, what a notice says, the applicant as addressed. */
package eu.rathaus.notices.domain;
