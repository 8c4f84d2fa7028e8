/** JPA behind tenancy. */
package eu.rathaus.tenancy.infrastructure;
