/** JPA and SQL behind applications. */
package eu.rathaus.applications.infrastructure;
