/** Municipalities, the tenants of the platform. */
package eu.rathaus.tenancy.domain;
