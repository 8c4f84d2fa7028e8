/** JPA behind the catalogue. */
package eu.rathaus.catalogue.infrastructure;
