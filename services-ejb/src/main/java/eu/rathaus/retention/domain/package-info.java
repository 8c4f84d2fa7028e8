/**
 * Retention and erasure (issue 15): the date rules ({@link
 * eu.rathaus.retention.domain.RetentionRules}), the periods of a service ({@link
 * eu.rathaus.retention.domain.RetentionPeriods}) and why something is kept or erased ({@link
 * eu.rathaus.retention.domain.Verdict}). Pure: no database, no clock.
 */
package eu.rathaus.retention.domain;
