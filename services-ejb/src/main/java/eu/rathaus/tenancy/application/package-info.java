/** Tenancy use cases (directory, later onboarding). */
package eu.rathaus.tenancy.application;
