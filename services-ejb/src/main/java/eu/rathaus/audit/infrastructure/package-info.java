/** JPA and SQL behind the audit log. */
package eu.rathaus.audit.infrastructure;
