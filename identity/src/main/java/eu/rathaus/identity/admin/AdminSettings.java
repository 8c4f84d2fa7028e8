package eu.rathaus.identity.admin;

/**
 * How the portal reaches Keycloak's admin API. Read from the environment with local defaults that
 * match {@code ./rathaus up}: {@code OIDC_PROVIDER_URL} gives server and realm, {@code
 * KEYCLOAK_ADMIN_CLIENT_ID} / {@code KEYCLOAK_ADMIN_CLIENT_SECRET} the service-account client.
 */
public record AdminSettings(String serverUrl, String realm, String clientId, String clientSecret, String portalClientId) {

  public static AdminSettings fromEnvironment() {
    String provider = setting("OIDC_PROVIDER_URL", "http://localhost:8180/realms/rathaus");
    int cut = provider.indexOf("/realms/");
    String server = cut < 0 ? provider : provider.substring(0, cut);
    String realm = cut < 0 ? "rathaus" : provider.substring(cut + "/realms/".length()).replaceAll("/.*", "");
    return new AdminSettings(
        server,
        realm,
        setting("KEYCLOAK_ADMIN_CLIENT_ID", "rathaus-admin"),
        setting("KEYCLOAK_ADMIN_CLIENT_SECRET", "rathaus-admin-local-secret"),
        setting("OIDC_CLIENT_ID", "rathaus-portal"));
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public String toString() {
    return "AdminSettings[server=" + serverUrl + ", realm=" + realm + ", client=" + clientId + "]";
  }
}
