package eu.rathaus.keycloak;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionTokenHandler;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserModel.RequiredAction;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The invitation link of a new municipal admin: straight to setting the password, then signed in
 * and back to the portal. Replaces Keycloak's handler of execute-actions links (same id, higher
 * order), and changes its behaviour only for an invitation; every other link keeps Keycloak's.
 *
 * <p>Keycloak's handler, opened in a browser without a login in progress, first shows a page asking
 * to proceed, and after the actions a page "account updated" without signing anybody in, so the new
 * admin has to sign in again with the password just chosen. For an invitation both pages are
 * skipped:
 *
 * <ul>
 *   <li>an invitation is a link that asks for nothing but a password, for an account that has no
 *       credential at all yet, and names a redirect URI the client accepts. For such an account the
 *       password set through the link (which proves control of the mailbox, as any reset link does)
 *       is the whole authentication there is, so signing in after it skips no factor. An account
 *       that already has a credential (a password, a second factor) keeps Keycloak's pages and
 *       signs in the normal way, so no link ever stands in for a factor it has. Platform
 *       administrators are left out too: their login demands a one-time code, which only the real
 *       login asks for;
 *   <li>the proceed page keeps a mail scanner that opens the link from changing anything; without
 *       it opening the link still changes nothing: it only shows the password form, and Keycloak
 *       spends a one-time link only when the actions are completed (the token is invalidated then,
 *       not when the link is opened);
 *   <li>after the password the authentication session ends like a login (an SSO session), and the
 *       browser goes to the redirect URI with response type {@code none}: without an authorization
 *       code, because the portal did not start this login and has no state to check one against.
 *       The portal's {@code /login} then starts its own login, which Keycloak answers from the SSO
 *       session without a form.
 * </ul>
 */
public class InvitationLinkHandler extends ExecuteActionsActionTokenHandler {

  /** Above Keycloak's own handler of the same id (order 0), which it replaces. */
  static final int ORDER = 100;

  @Override
  public int order() {
    return ORDER;
  }

  @Override
  public Response handleToken(
      ExecuteActionsActionToken token, ActionTokenContext<ExecuteActionsActionToken> context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    KeycloakSession session = context.getSession();
    UserModel user = authSession.getAuthenticatedUser();
    String redirectUri =
        token.getRedirectUri() == null
            ? null
            : RedirectUtils.verifyRedirectUri(
                session, token.getRedirectUri(), authSession.getClient());
    RoleModel platform = context.getRealm().getRole(ExistingAccountGuard.PLATFORM_ROLE);
    boolean platformAccount = user != null && platform != null && user.hasRole(platform);
    if (!context.isAuthenticationSessionFresh()
        || platformAccount
        || !isInvitation(token.getRequiredActions(), user, redirectUri)) {
      return super.handleToken(token, context);
    }
    // Set up by Keycloak for a fresh session of an action link: end after the actions, no login.
    authSession.removeAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS);
    authSession.setRedirectUri(redirectUri);
    authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, redirectUri);
    authSession.setClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, OIDCResponseType.NONE);
    token.getRequiredActions().forEach(authSession::addRequiredAction);
    if (token.getEmail() != null) {
      // The token's verifier checked that the address is the account's; the link reached it.
      user.setEmailVerified(true);
    }
    String next =
        AuthenticationManager.nextRequiredAction(
            session, authSession, context.getRequest(), context.getEvent());
    return AuthenticationManager.redirectToRequiredActions(
        session, context.getRealm(), authSession, context.getUriInfo(), next);
  }

  /**
   * Only a password, for an account without any credential, back to a redirect URI the client
   * accepts.
   */
  static boolean isInvitation(List<String> actions, UserModel user, String verifiedRedirectUri) {
    return verifiedRedirectUri != null
        && actions != null
        && actions.size() == 1
        && RequiredAction.UPDATE_PASSWORD.name().equals(actions.get(0))
        && user != null
        && user.credentialManager().getStoredCredentialsStream().findAny().isEmpty();
  }
}
