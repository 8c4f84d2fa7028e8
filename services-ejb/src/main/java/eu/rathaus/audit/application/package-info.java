/** Audit use cases seen by the rest of the portal. */
package eu.rathaus.audit.application;
