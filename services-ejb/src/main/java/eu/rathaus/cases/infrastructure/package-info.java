/** JPA side of case processing: the case repository and the inbox query. */
package eu.rathaus.cases.infrastructure;
