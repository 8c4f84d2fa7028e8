/** Tenancy use cases: the municipality directory, onboarding and administration. */
package eu.rathaus.tenancy.application;
