package eu.rathaus.web.appointments;

import eu.rathaus.appointments.application.AppointmentOffice;
import eu.rathaus.appointments.application.Appointments;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;

/**
 * Backing bean of {@code office/appointments.xhtml?day=YYYY-MM-DD}: the day's appointments of the
 * staff member's municipality per counter, with "nicht erschienen" and the link to the case.
 */
@Named
@ViewScoped
public class OfficeAppointmentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AppointmentOffice office;
  @Inject LocaleSelection locale;

  private String day;
  private LocalDate date;
  private List<AppointmentOffice.CounterDay> counters = List.of();
  private String notice;

  /** View action. */
  public void load() {
    try {
      date = day == null || day.isBlank() ? LocalDate.now(Appointments.ZONE) : LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      date = LocalDate.now(Appointments.ZONE);
    }
    day = date.toString();
    counters = office.day(date);
  }

  public void noShow(String id) {
    boolean marked;
    try {
      marked = office.markNoShow(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      marked = false;
    }
    notice = marked ? "appointments.office.noShow.done" : "appointments.office.noShow.refused";
    counters = office.day(date);
  }

  public String time(AppointmentOffice.Entry entry) {
    return DateTimeFormatter.ofPattern("HH:mm").format(entry.start())
        + "–"
        + DateTimeFormatter.ofPattern("HH:mm").format(entry.end());
  }

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  public String getHeading() {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
        .withLocale(locale.getLocale())
        .format(date);
  }

  public String getPrevious() {
    return date.minusDays(1).toString();
  }

  public String getNext() {
    return date.plusDays(1).toString();
  }

  public List<AppointmentOffice.CounterDay> getCounters() {
    return counters;
  }

  public String getNotice() {
    return notice;
  }
}
