/** The citizen's own area: profile with the eID level, pages that need a higher level, step-up. */
package eu.rathaus.web.citizen;
