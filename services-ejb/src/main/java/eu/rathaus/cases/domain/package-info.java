/**
 * The back-office side of an application: the case record with its lifecycle and deadline rules,
 * timeline, notes, staff roster.
 */
package eu.rathaus.cases.domain;
