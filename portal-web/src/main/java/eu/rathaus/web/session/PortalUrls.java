package eu.rathaus.web.session;

import eu.rathaus.platform.Settings;

/** Addresses the portal needs to build redirects; configured by environment, see README. */
public final class PortalUrls {

  private PortalUrls() {}

  public static String oidcProviderUrl() {
    return setting("OIDC_PROVIDER_URL", "http://localhost:8180/realms/rathaus");
  }

  // The portal's own base address is PortalAddress.baseUrl() (PORTAL_BASE_URL): issue 10 removed
  // the
  // fallback to the request's address, which took the Host header an attacker chooses.

  private static String setting(String name, String fallback) {
    return Settings.text(name, fallback);
  }
}
