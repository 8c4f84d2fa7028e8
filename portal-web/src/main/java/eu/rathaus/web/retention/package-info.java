/** Retention and erasure (issue 15): the municipal admin's retention page. */
package eu.rathaus.web.retention;
