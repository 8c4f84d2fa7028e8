/** Managing organizations and staff accounts in the identity provider (onboarding). */
package eu.rathaus.identity.admin;
