/** The citizen-facing catalogue: a municipality's services, search, and one service's page. */
package eu.rathaus.web.catalogue;
