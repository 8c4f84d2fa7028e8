package eu.rathaus.tenancy.application;

import eu.rathaus.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;

/** The portal's public base address ({@code PORTAL_BASE_URL}), for links in e-mails. */
@ApplicationScoped
public class PortalAddress {

  public String baseUrl() {
    String value = Settings.text("PORTAL_BASE_URL", "http://localhost:8080");
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
