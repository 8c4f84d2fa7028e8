/** JPA behind the hand-off's repository port and the Keycloak client registration. */
package eu.rathaus.handoff.infrastructure;
