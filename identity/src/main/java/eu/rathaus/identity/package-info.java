/**
 * Identity of the caller (CurrentUser) and the bridge from OIDC tokens; realm templates live in
 * resources/keycloak.
 */
package eu.rathaus.identity;
