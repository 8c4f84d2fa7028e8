/** The back-office side of an application: lifecycle and deadline rules, timeline, notes, staff roster. */
package eu.rathaus.cases.domain;
