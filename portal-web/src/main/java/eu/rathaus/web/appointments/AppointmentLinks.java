package eu.rathaus.web.appointments;

import eu.rathaus.appointments.application.Appointments;
import eu.rathaus.appointments.application.BookableType;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The "Termin vereinbaren" list on a municipality's page: its bookable appointment types, each a
 * link to the booking page. Request-scoped: the municipality page stays stateless.
 */
@Named
@RequestScoped
public class AppointmentLinks {

  @Inject MunicipalityDirectory directory;
  @Inject Appointments appointments;

  private List<BookableType> types;

  public List<BookableType> forSlug(String slug) {
    if (types == null) {
      types = directory.activeBySlug(slug).map(m -> appointments.types(m.id())).orElse(List.of());
    }
    return types;
  }
}
