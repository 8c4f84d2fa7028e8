/**
 * Keycloak authenticators that make brokered sign-in safe for a portal shared by many
 * municipalities.
 *
 * <p>They run inside Keycloak (this module's jar is copied into Keycloak's {@code providers/} by
 * the launcher), in the first broker login flows of realm {@code rathaus}. Nothing here links an
 * account by e-mail: a municipality's directory reaches only its own municipality's accounts and
 * addresses, and an eID login reaches only the account of the same eID subject.
 *
 * <p>Also the handler of invitation links ({@link eu.rathaus.keycloak.InvitationLinkHandler}): a
 * new account's password from the invitation mail, then signed in to the portal.
 */
package eu.rathaus.keycloak;
