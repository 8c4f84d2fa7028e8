package eu.rathaus.web.appointments;

import eu.rathaus.appointments.application.AppointmentSetup;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Backing bean of {@code municipal/appointments.xhtml} ("Termine einrichten"): locations with their
 * counters, opening hours, closures and appointment types, and one small form for each kind of
 * entry. Plain posts; the rules are {@link AppointmentSetup}'s, its problems are shown in German
 * (or English) at the top of the page, and nothing is stored while one remains.
 */
@Named
@ViewScoped
public class AppointmentSetupView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AppointmentSetup setup;
  @Inject LocaleSelection locale;
  @Inject ServiceAdministration services;

  private List<AppointmentSetup.Location> locations = List.of();
  private String location;
  private String name;
  private String address;
  private String counter;
  private int weekday = 1;
  private String opens;
  private String closes;
  private String day;
  private String reason;
  private String typeName;
  private String minutes;
  private boolean anonymous;
  private String linkType;
  private String linkService;

  @PostConstruct
  void load() {
    locations = setup.locations();
    if (location == null && !locations.isEmpty()) {
      location = locations.get(0).id().toString();
    }
  }

  public void addLocation() {
    if (done(() -> setup.addLocation(name, address))) {
      name = null;
      address = null;
    }
  }

  public void addCounter() {
    if (done(() -> setup.addCounter(chosen(), counter))) {
      counter = null;
    }
  }

  public void addHours() {
    done(() -> setup.addHours(chosen(), weekday, opens, closes));
  }

  public void addClosure() {
    if (done(() -> setup.addClosure(chosen(), day, reason))) {
      day = null;
      reason = null;
    }
  }

  public void addType() {
    if (done(() -> setup.addType(chosen(), typeName, minutes, anonymous))) {
      typeName = null;
      minutes = null;
      anonymous = false;
    }
  }

  /** Makes the chosen service end with the chosen type (or with none). */
  public void linkService() {
    done(() -> setup.linkService(uuid(linkService), uuid(linkType)));
  }

  private static UUID uuid(String value) {
    try {
      return value == null || value.isBlank() ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The active appointment types of every location, for the link form. */
  public List<AppointmentSetup.Item> getTypes() {
    return locations.stream().flatMap(l -> l.types().stream()).toList();
  }

  /** The municipality's services that are offered, for the link form. */
  public List<SelectItem> getServices() {
    return services.overview().stream()
        .filter(r -> !r.retired())
        .map(r -> new SelectItem(r.id().toString(), r.title().in(locale.getLocale())))
        .toList();
  }

  public void removeHours(String id) {
    setup.remove("hours", UUID.fromString(id));
    saved();
  }

  public void removeClosure(String id) {
    setup.remove("closure", UUID.fromString(id));
    saved();
  }

  public void retireType(String id) {
    setup.retireType(UUID.fromString(id));
    saved();
  }

  private UUID chosen() {
    try {
      return location == null ? null : UUID.fromString(location);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private boolean done(Supplier<Optional<String>> action) {
    Optional<String> problem = action.get();
    if (problem.isPresent()) {
      message(FacesMessage.SEVERITY_ERROR, problem.get());
      return false;
    }
    saved();
    return true;
  }

  private void saved() {
    message(FacesMessage.SEVERITY_INFO, "appointments.setup.saved");
    load();
  }

  private static void message(FacesMessage.Severity severity, String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    faces.addMessage(null, new FacesMessage(severity, msg.getString(key), null));
  }

  /** "Montag 08:00–12:00" from the setup's "1 08:00–12:00". */
  public String hoursLabel(String text) {
    int space = text.indexOf(' ');
    DayOfWeek d = DayOfWeek.of(Integer.parseInt(text.substring(0, space)));
    return d.getDisplayName(TextStyle.FULL, locale.getLocale()) + text.substring(space);
  }

  public List<SelectItem> getWeekdays() {
    return java.util.Arrays.stream(DayOfWeek.values())
        .map(
            d -> new SelectItem(d.getValue(), d.getDisplayName(TextStyle.FULL, locale.getLocale())))
        .toList();
  }

  public List<AppointmentSetup.Location> getLocations() {
    return locations;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getCounter() {
    return counter;
  }

  public void setCounter(String counter) {
    this.counter = counter;
  }

  public int getWeekday() {
    return weekday;
  }

  public void setWeekday(int weekday) {
    this.weekday = weekday;
  }

  public String getOpens() {
    return opens;
  }

  public void setOpens(String opens) {
    this.opens = opens;
  }

  public String getCloses() {
    return closes;
  }

  public void setCloses(String closes) {
    this.closes = closes;
  }

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getTypeName() {
    return typeName;
  }

  public void setTypeName(String typeName) {
    this.typeName = typeName;
  }

  public String getMinutes() {
    return minutes;
  }

  public void setMinutes(String minutes) {
    this.minutes = minutes;
  }

  public String getLinkType() {
    return linkType;
  }

  public void setLinkType(String linkType) {
    this.linkType = linkType;
  }

  public String getLinkService() {
    return linkService;
  }

  public void setLinkService(String linkService) {
    this.linkService = linkService;
  }

  public boolean isAnonymous() {
    return anonymous;
  }

  public void setAnonymous(boolean anonymous) {
    this.anonymous = anonymous;
  }
}
