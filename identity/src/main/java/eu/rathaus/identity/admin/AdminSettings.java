package eu.rathaus.identity.admin;

import org.eclipse.microprofile.config.ConfigProvider;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * How the portal reaches Keycloak's admin API, read through MicroProfile Config (system property,
 * environment or secret file, see the README's configuration table): {@code OIDC_PROVIDER_URL}
 * gives server and realm, {@code KEYCLOAK_ADMIN_CLIENT_ID} / {@code KEYCLOAK_ADMIN_CLIENT_SECRET}
 * the service-account client. The defaults are those of the demo ({@code ./rathaus up}); a
 * production start refuses the demo secret.
 */
public record AdminSettings(
    String serverUrl, String realm, String clientId, String clientSecret, String portalClientId) {

  /** The admin client's secret in the demo realm (published in the repository, so demo only). */
  public static final String DEMO_CLIENT_SECRET = "rathaus-admin-local-secret";

  public static AdminSettings fromEnvironment() {
    String provider = setting("OIDC_PROVIDER_URL", "http://localhost:8180/realms/rathaus");
    int cut = provider.indexOf("/realms/");
    String server = cut < 0 ? provider : provider.substring(0, cut);
    String realm =
        cut < 0 ? "rathaus" : provider.substring(cut + "/realms/".length()).replaceAll("/.*", "");
    return new AdminSettings(
        server,
        realm,
        setting("KEYCLOAK_ADMIN_CLIENT_ID", "rathaus-admin"),
        setting("KEYCLOAK_ADMIN_CLIENT_SECRET", DEMO_CLIENT_SECRET),
        setting("OIDC_CLIENT_ID", "rathaus-portal"));
  }

  /** The admin client signed in as the service account (client credentials). */
  public Keycloak adminClient() {
    return KeycloakBuilder.builder()
        .serverUrl(serverUrl)
        .realm(realm)
        .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
        .clientId(clientId)
        .clientSecret(clientSecret)
        .build();
  }

  private static String setting(String name, String fallback) {
    // MicroProfile Config treats an empty value as missing, so a blank variable falls back too.
    return ConfigProvider.getConfig()
        .getOptionalValue(name, String.class)
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .orElse(fallback);
  }

  @Override
  public String toString() {
    return "AdminSettings[server=" + serverUrl + ", realm=" + realm + ", client=" + clientId + "]";
  }
}
