/** SQL on the V61 table and the Keycloak side of API clients. */
package eu.rathaus.apiclients.infrastructure;
