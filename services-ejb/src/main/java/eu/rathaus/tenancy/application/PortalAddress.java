package eu.rathaus.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;

/** The portal's public base address ({@code PORTAL_BASE_URL}), for links in e-mails. */
@ApplicationScoped
public class PortalAddress {

  public String baseUrl() {
    String value = System.getProperty("PORTAL_BASE_URL");
    if (value == null || value.isBlank()) {
      value = System.getenv("PORTAL_BASE_URL");
    }
    if (value == null || value.isBlank()) {
      value = "http://localhost:8080";
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
