package eu.rathaus.web.registers;

import eu.rathaus.registers.residents.application.CertificateDesk;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import java.util.UUID;

/**
 * For "Meine Anträge": which of the citizen's applications are of the certificate service, so the
 * row links to {@code citizen/certificate.xhtml}. One query per request.
 */
@Named
@RequestScoped
public class CertificateLinks {

  @Inject CertificateDesk desk;

  private Set<UUID> applications;

  /** Whether the row of this application (its id as the page has it) links to its certificate. */
  public boolean offered(String application) {
    if (application == null || application.isBlank()) {
      return false;
    }
    if (applications == null) {
      applications = desk.certificateApplications();
    }
    try {
      return applications.contains(UUID.fromString(application.strip()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
