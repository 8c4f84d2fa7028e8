package eu.rathaus.web.appointments;

import eu.rathaus.appointments.application.Appointments;
import eu.rathaus.appointments.application.CaseAppointment;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The appointment of a case as the case pages show it (staff: {@code office/case.xhtml}; the
 * applicant: the confirmation after submitting and "Meine Anträge"). Read once per request and
 * case; row-level security decides whose case it is.
 */
@Named
@RequestScoped
public class CaseAppointmentView {

  @Inject Appointments appointments;
  @Inject LocaleSelection locale;

  private final Map<UUID, Optional<CaseAppointment>> read = new HashMap<>();

  /** The case's (or application's) appointment, or null if its service needs none. */
  public CaseAppointment of(Object caseOrApplication) {
    UUID id;
    try {
      id = caseOrApplication == null ? null : UUID.fromString(caseOrApplication.toString());
    } catch (IllegalArgumentException e) {
      id = null;
    }
    return id == null ? null : read.computeIfAbsent(id, appointments::forCase).orElse(null);
  }

  /** "Montag, 7. Dezember 2026, 10:00–10:15" of a booked appointment, else empty. */
  public String when(CaseAppointment a) {
    return a == null || !a.isBooked()
        ? ""
        : SlotGroups.when(a.start(), a.end(), locale.getLocale());
  }
}
