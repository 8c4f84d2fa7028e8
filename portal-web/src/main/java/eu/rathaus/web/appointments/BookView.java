package eu.rathaus.web.appointments;

import eu.rathaus.appointments.application.Appointments;
import eu.rathaus.appointments.application.BookableType;
import eu.rathaus.appointments.application.Booked;
import eu.rathaus.appointments.application.BookingOutcome;
import eu.rathaus.identity.CurrentUser;
import eu.rathaus.web.catalogue.NotFound;
import eu.rathaus.web.session.LocaleSelection;
import eu.rathaus.web.session.SessionUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Backing bean of {@code appointments/book.xhtml?type=<id>}: the type's free slots grouped by day,
 * each a button (plain posts, keyboard only works, no calendar widget). A visitor may book only
 * types that allow it and then confirms through the mailed link; the secret of that link is never
 * shown here, so the address must really be the visitor's.
 *
 * <p>{@code &case=<id>} books the appointment that ends the citizen's application (only its
 * applicant, only the type of its service); {@code &rebook=<secret>} (from the link in the mail)
 * moves a booked appointment to the chosen time in one step, keeping its address and case.
 */
@Named
@ViewScoped
public class BookView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Appointments appointments;
  @Inject SessionUser sessionUser;
  @Inject LocaleSelection locale;

  private String type;
  private BookableType bookable;
  private List<SlotGroups.Day> days = List.of();
  private String email;
  private BookingOutcome.Result result;
  private String bookedWhen;
  private String bookedCounter;
  private String token;
  private String caseId;
  private String rebook;
  private Booked moving;

  /** View action. */
  public void load() {
    if (bookable != null) {
      return;
    }
    Optional<BookableType> found = parse(type).flatMap(appointments::type);
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    if (rebook != null) {
      moving =
          appointments
              .byToken(rebook)
              .filter(b -> b.isBooked() && b.typeId().equals(found.get().id()))
              .orElse(null);
    }
    bookable = found.get();
    if (email == null && isCitizen() && sessionUser.getUser().email() != null) {
      email = sessionUser.getUser().email();
    }
    refresh();
  }

  private void refresh() {
    days = SlotGroups.of(appointments.freeSlots(bookable.id()), locale.getLocale());
  }

  public void book(String startMillis) {
    Instant start;
    try {
      start = Instant.ofEpochMilli(Long.parseLong(startMillis));
    } catch (NumberFormatException e) {
      error("appointments.refused.not_bookable");
      return;
    }
    BookingOutcome outcome =
        isRebooking()
            ? appointments.rebook(rebook, start, locale.getLocale())
            : appointments.book(
                bookable.id(), start, email, parse(caseId).orElse(null), locale.getLocale());
    if (!outcome.isSuccess()) {
      error(outcome.messageKey());
      refresh();
      return;
    }
    Booked booked = outcome.booked();
    result = outcome.result();
    bookedWhen = SlotGroups.when(booked.localStart(), booked.localEnd(), locale.getLocale());
    bookedCounter = booked.counterName();
    // Only a signed-in citizen's booking holds at once; a visitor confirms with the mailed link.
    token = result == BookingOutcome.Result.BOOKED ? outcome.token() : null;
  }

  private void error(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, msg.getString(key), null));
  }

  private static Optional<UUID> parse(String id) {
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public boolean isCitizen() {
    return sessionUser.isSignedIn() && sessionUser.getUser().hasRole(CurrentUser.CITIZEN);
  }

  /** Visitors may book only types that allow it; others are asked to sign in first. */
  public boolean isMayBook() {
    if (bookable == null) {
      return false;
    }
    if (rebook != null) {
      return moving != null;
    }
    if (caseId != null) {
      return isCitizen();
    }
    return isCitizen() || (!sessionUser.isSignedIn() && bookable.anonymousAllowed());
  }

  /** Moving a booked appointment through its link (the address stays the booking's). */
  public boolean isRebooking() {
    return moving != null;
  }

  /** A move was asked for, but the link names no appointment that can still be moved. */
  public boolean isRebookRefused() {
    return rebook != null && moving == null;
  }

  /** When the appointment being moved is now. */
  public String getMovingWhen() {
    return moving == null
        ? ""
        : SlotGroups.when(moving.localStart(), moving.localEnd(), locale.getLocale());
  }

  public boolean isForCase() {
    return caseId != null && rebook == null;
  }

  public String getCase() {
    return caseId;
  }

  public void setCase(String caseId) {
    this.caseId = caseId;
  }

  public String getRebook() {
    return rebook;
  }

  public void setRebook(String rebook) {
    this.rebook = rebook;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return bookable == null ? "" : bookable.name();
  }

  public String getLocation() {
    return bookable == null ? "" : bookable.locationName() + ", " + bookable.address();
  }

  public int getMinutes() {
    return bookable == null ? 0 : bookable.minutes();
  }

  public List<SlotGroups.Day> getDays() {
    return days;
  }

  public boolean isBooked() {
    return result == BookingOutcome.Result.BOOKED;
  }

  /** The appointment was moved to the chosen time. */
  public boolean isMoved() {
    return isBooked() && moving != null;
  }

  public boolean isHeld() {
    return result == BookingOutcome.Result.HELD;
  }

  public String getBookedWhen() {
    return bookedWhen;
  }

  public String getBookedCounter() {
    return bookedCounter;
  }

  public String getToken() {
    return token;
  }

  public long getHoldMinutes() {
    return Appointments.HOLD.toMinutes();
  }
}
