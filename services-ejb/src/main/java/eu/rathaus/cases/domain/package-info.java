/** The back-office side of an application: lifecycle, deadlines (pure rules). */
package eu.rathaus.cases.domain;
