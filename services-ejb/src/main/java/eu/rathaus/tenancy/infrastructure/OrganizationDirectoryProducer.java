package eu.rathaus.tenancy.infrastructure;

import eu.rathaus.identity.admin.AdminSettings;
import eu.rathaus.identity.admin.KeycloakOrganizationDirectory;
import eu.rathaus.identity.admin.OrganizationDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Makes the Keycloak-backed directory injectable; the domain only sees the interface. */
@ApplicationScoped
public class OrganizationDirectoryProducer {

  @Produces
  @ApplicationScoped
  OrganizationDirectory directory() {
    return new KeycloakOrganizationDirectory(AdminSettings.fromEnvironment());
  }

  void close(@Disposes OrganizationDirectory directory) {
    if (directory instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // shutting down; nothing to do
      }
    }
  }
}
