/** SQL of appointments (native queries on the V27 tables and functions). */
package eu.rathaus.appointments.infrastructure;
