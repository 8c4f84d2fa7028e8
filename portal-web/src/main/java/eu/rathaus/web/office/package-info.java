/** The back office of a municipality's staff: the inbox ("Posteingang") and the case page. */
package eu.rathaus.web.office;
