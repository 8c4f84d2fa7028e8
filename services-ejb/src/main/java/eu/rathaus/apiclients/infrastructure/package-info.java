/** SQL on the V67 table and the Keycloak side of API clients. */
package eu.rathaus.apiclients.infrastructure;
