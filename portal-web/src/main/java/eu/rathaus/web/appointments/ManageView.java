package eu.rathaus.web.appointments;

import eu.rathaus.appointments.application.Appointments;
import eu.rathaus.appointments.application.Booked;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * Backing bean of {@code appointments/manage.xhtml?token=…} and {@code confirm.xhtml?token=…}: the
 * pages the mailed links open. Whoever holds the link's secret may see the appointment (no address
 * shown), confirm a visitor's hold, cancel it or fetch the calendar file. Confirming and cancelling
 * are buttons (POST), never the link itself, so a mail scanner that follows links changes nothing.
 * An unknown or malformed secret gets one neutral message.
 */
@Named
@ViewScoped
public class ManageView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Appointments appointments;
  @Inject LocaleSelection locale;

  private String token;
  private Booked booked;
  private String notice;

  /** View action. */
  public void load() {
    if (booked == null) {
      reload();
    }
  }

  private void reload() {
    Optional<Booked> found = appointments.byToken(token);
    booked = found.orElse(null);
  }

  public void confirm() {
    notice =
        appointments.confirm(token, locale.getLocale())
            ? "appointments.confirmed"
            : "appointments.confirm.failed";
    reload();
  }

  public void cancel() {
    notice = appointments.cancel(token) ? "appointments.cancelled" : "appointments.cancel.failed";
    reload();
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public boolean isFound() {
    return booked != null;
  }

  public String getNotice() {
    return notice;
  }

  public String getName() {
    return booked == null ? "" : booked.typeName();
  }

  public String getLocation() {
    return booked == null ? "" : booked.locationName() + ", " + booked.address();
  }

  public String getCounter() {
    return booked == null ? "" : booked.counterName();
  }

  public String getWhen() {
    return booked == null
        ? ""
        : SlotGroups.when(booked.localStart(), booked.localEnd(), locale.getLocale());
  }

  public String getStatus() {
    return booked == null ? "" : booked.status();
  }

  public boolean isHeld() {
    return booked != null && booked.isHeld();
  }

  public boolean isBooked() {
    return booked != null && booked.isBooked();
  }

  public boolean isMoved() {
    return booked != null && "MOVED".equals(booked.status());
  }

  public String getTypeId() {
    return booked == null ? "" : booked.typeId().toString();
  }
}
