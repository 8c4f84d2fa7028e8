/** Retention and erasure (issue 15): the SQL of the erasure engine, in its own database scope. */
package eu.rathaus.retention.infrastructure;
