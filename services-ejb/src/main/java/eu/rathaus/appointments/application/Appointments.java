package eu.rathaus.appointments.application;

import eu.rathaus.appointments.domain.AppointmentToken;
import eu.rathaus.appointments.domain.Busy;
import eu.rathaus.appointments.domain.IcsCalendar;
import eu.rathaus.appointments.domain.Slot;
import eu.rathaus.appointments.domain.SlotCalculator;
import eu.rathaus.appointments.infrastructure.AppointmentSql;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.application.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Booking for citizens and visitors: the free slots of an appointment type, booking one, and what
 * the link in the mail does (show, confirm a visitor's hold, cancel, the calendar file).
 *
 * <p>Signed-in citizens book at once. Visitors (only for types that allow it) get a hold of {@link
 * #HOLD} that counts only once the link in the mail is followed; an unconfirmed hold stops blocking
 * when it expires. Whether a time is still free is decided by the database's exclusion constraint
 * (V27) at insert: of two people choosing the same slot at once, exactly one gets it, the other the
 * answer {@code TAKEN} (the next free counter is tried first).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class Appointments {

  /** The zone of every location's opening hours. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** How long a visitor's unconfirmed hold blocks its slot. */
  public static final Duration HOLD = Duration.ofMinutes(30);

  /** Outbox templates (texts in the web bundle). */
  public static final String MAIL_BOOKED = "appointment.booked";

  public static final String MAIL_CONFIRM = "appointment.confirm";
  public static final String MAIL_REMINDER = "appointment.reminder";

  /** How far ahead slots are offered. */
  public static final int DAYS_AHEAD = 28;

  /** Slots start no sooner than this after now. */
  static final Duration LEAD = Duration.ofHours(1);

  @Inject AppointmentSql sql;
  @Inject CallerScope caller;
  @Inject Outbox outbox;
  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  public List<BookableType> types(UUID municipality) {
    return sql.types(municipality).stream().map(Appointments::bookable).toList();
  }

  public Optional<BookableType> type(UUID id) {
    return sql.type(id).map(Appointments::bookable);
  }

  private static BookableType bookable(AppointmentSql.TypeRow t) {
    return new BookableType(
        t.id(),
        t.municipalityId(),
        t.name(),
        t.minutes(),
        t.anonymousAllowed(),
        t.locationName(),
        t.address());
  }

  /** Free slots of the type from today on, grouped by day (in order). */
  public Map<LocalDate, List<Slot>> freeSlots(UUID typeId) {
    Map<LocalDate, List<Slot>> byDay = new LinkedHashMap<>();
    sql.type(typeId)
        .ifPresent(
            t -> {
              LocalDate today = LocalDate.now(clock.withZone(ZONE));
              for (Slot slot : slots(t, today, DAYS_AHEAD)) {
                byDay.computeIfAbsent(slot.day(), d -> new ArrayList<>()).add(slot);
              }
            });
    return byDay;
  }

  private List<Slot> slots(AppointmentSql.TypeRow t, LocalDate from, int days) {
    return slots(t, from, days, null);
  }

  /** Free slots; {@code moving} (the appointment being moved) does not count as busy. */
  private List<Slot> slots(AppointmentSql.TypeRow t, LocalDate from, int days, Busy moving) {
    LocalDate to = from.plusDays(days);
    List<Busy> busy =
        sql
            .busy(
                t.locationId(),
                from.atStartOfDay(ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(ZONE).toInstant())
            .stream()
            .filter(b -> !b.equals(moving))
            .toList();
    return SlotCalculator.freeSlots(
        from,
        days,
        ZONE,
        sql.hours(t.locationId()),
        sql.closures(t.locationId(), from, to),
        sql.counters(t.locationId()),
        busy,
        t.minutes(),
        clock.instant().plus(LEAD));
  }

  /**
   * Books {@code start} of the type for the caller. A signed-in citizen's booking holds at once; a
   * visitor's is held until the mailed link confirms it.
   */
  public BookingOutcome book(UUID typeId, Instant start, String email, UUID caseId, Locale locale) {
    TenantScope scope = caller.get();
    Optional<AppointmentSql.TypeRow> found = sql.type(typeId);
    if (found.isEmpty()) {
      return BookingOutcome.refused(BookingOutcome.Result.NOT_BOOKABLE);
    }
    AppointmentSql.TypeRow type = found.get();
    boolean citizen = scope.kind() == TenantScope.Kind.CITIZEN;
    if (!citizen && (scope.kind() != TenantScope.Kind.PUBLIC || !type.anonymousAllowed())) {
      return BookingOutcome.refused(BookingOutcome.Result.SIGN_IN_NEEDED);
    }
    if (caseId != null) {
      // A case's appointment: only its applicant, only for the type of the case's service, once.
      if (!citizen || !sql.caseFitsType(caseId, type.id())) {
        return BookingOutcome.refused(BookingOutcome.Result.NOT_BOOKABLE);
      }
      if (sql.caseHasAppointment(caseId)) {
        return BookingOutcome.refused(BookingOutcome.Result.ALREADY_BOOKED);
      }
    }
    String address = email == null ? "" : email.trim();
    if (!address.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
      return BookingOutcome.refused(BookingOutcome.Result.INVALID_EMAIL);
    }
    LocalDate day = start.atZone(ZONE).toLocalDate();
    Optional<Slot> slot =
        slots(type, day, 1).stream().filter(s -> s.start().equals(start)).findFirst();
    if (slot.isEmpty()) {
      return BookingOutcome.refused(
          slots(type, day, 1).isEmpty() && !start.isAfter(clock.instant())
              ? BookingOutcome.Result.NOT_BOOKABLE
              : BookingOutcome.Result.TAKEN);
    }
    Instant now = clock.instant();
    Instant end = slot.get().end();
    String token = AppointmentToken.newToken();
    Instant holdUntil = citizen ? null : now.plus(HOLD);
    String status = citizen ? "BOOKED" : "HELD";
    UUID id = UUID.randomUUID();
    // The proposed counter first, then the others: the constraint, not this list, decides.
    List<UUID> counters = new ArrayList<>(sql.counters(type.locationId()));
    counters.remove(slot.get().counter());
    counters.add(0, slot.get().counter());
    for (UUID counter : counters) {
      sql.releaseExpired(counter);
      boolean written =
          sql.insert(
              id,
              type.municipalityId(),
              type.id(),
              counter,
              start,
              end,
              status,
              citizen ? scope.subject() : null,
              address,
              citizen ? caseId : null,
              AppointmentToken.hash(token),
              holdUntil,
              now);
      if (written) {
        outbox.queue(
            type.municipalityId(),
            citizen ? scope.subject() : null,
            address,
            citizen ? MAIL_BOOKED : MAIL_CONFIRM,
            Map.of("token", token),
            language(locale));
        Booked booked =
            new Booked(
                id,
                type.id(),
                type.name(),
                type.locationName(),
                type.address(),
                sql.counterName(counter),
                start,
                end,
                status,
                holdUntil);
        return new BookingOutcome(
            citizen ? BookingOutcome.Result.BOOKED : BookingOutcome.Result.HELD, booked, token);
      }
    }
    return BookingOutcome.refused(BookingOutcome.Result.TAKEN);
  }

  /**
   * Moves the booked future appointment the link names to {@code start} (a free slot of the same
   * type): the new time is taken and the old one released in this one transaction, under the
   * exclusion constraint (V39 {@code appointment_rebook}), so the person never holds two times nor
   * none. The new appointment gets a link of its own, mailed with its calendar file; the old link
   * then shows the appointment as moved. Audited as {@code appointment.rebooked}.
   */
  public BookingOutcome rebook(String token, Instant start, Locale locale) {
    String hash = AppointmentToken.hash(token);
    Optional<AppointmentSql.TokenRow> old = hash == null ? Optional.empty() : sql.byToken(hash);
    if (old.isEmpty()
        || !"BOOKED".equals(old.get().status())
        || !old.get().start().isAfter(clock.instant())) {
      return BookingOutcome.refused(BookingOutcome.Result.NOT_BOOKABLE);
    }
    Optional<AppointmentSql.TypeRow> found = sql.type(old.get().typeId());
    if (found.isEmpty()) {
      return BookingOutcome.refused(BookingOutcome.Result.NOT_BOOKABLE);
    }
    AppointmentSql.TypeRow type = found.get();
    Busy itself = new Busy(old.get().counterId(), old.get().start(), old.get().end());
    LocalDate day = start.atZone(ZONE).toLocalDate();
    Optional<Slot> slot =
        slots(type, day, 1, itself).stream().filter(s -> s.start().equals(start)).findFirst();
    if (slot.isEmpty()) {
      return BookingOutcome.refused(BookingOutcome.Result.TAKEN);
    }
    List<UUID> counters = new ArrayList<>(sql.counters(type.locationId()));
    counters.remove(slot.get().counter());
    counters.add(0, slot.get().counter());
    counters.forEach(sql::releaseExpired);
    String newToken = AppointmentToken.newToken();
    Optional<AppointmentSql.Moved> moved =
        sql.rebook(
            hash,
            counters,
            start,
            slot.get().end(),
            UUID.randomUUID(),
            AppointmentToken.hash(newToken));
    if (moved.isEmpty()) {
      return BookingOutcome.refused(BookingOutcome.Result.TAKEN);
    }
    AppointmentSql.Moved m = moved.get();
    TenantScope scope = caller.get();
    boolean citizen = scope.kind() == TenantScope.Kind.CITIZEN;
    outbox.queue(
        m.municipalityId(),
        citizen ? scope.subject() : null,
        m.email(),
        MAIL_BOOKED,
        Map.of("token", newToken),
        language(locale));
    audit.record(
        new AuditEvent(
            citizen ? scope.subject() : "link-holder",
            "appointment.rebooked",
            "appointment",
            m.id().toString(),
            m.municipalityId(),
            "from " + m.oldId() + " (" + old.get().start() + ") to " + start));
    Booked booked =
        new Booked(
            m.id(),
            type.id(),
            type.name(),
            type.locationName(),
            type.address(),
            sql.counterName(m.counterId()),
            start,
            slot.get().end(),
            "BOOKED",
            null);
    return new BookingOutcome(BookingOutcome.Result.BOOKED, booked, newToken);
  }

  /**
   * The appointment belonging to a case (by case or application id) that the caller may see: the
   * type to book for it and, once booked, the appointment. Empty when the case's service needs no
   * appointment (or the case is not the caller's).
   */
  public Optional<CaseAppointment> forCase(UUID caseOrApplication) {
    if (caseOrApplication == null) {
      return Optional.empty();
    }
    return sql.caseOffer(caseOrApplication)
        .flatMap(
            o ->
                sql.type(o.typeId())
                    .map(
                        t ->
                            new CaseAppointment(
                                o.caseId(),
                                bookable(t),
                                o.appointmentId(),
                                o.start() == null ? null : o.start().atZone(ZONE),
                                o.end() == null ? null : o.end().atZone(ZONE),
                                o.status())));
  }

  /** The appointment a link names, if the secret is right. */
  public Optional<Booked> byToken(String token) {
    String hash = AppointmentToken.hash(token);
    if (hash == null) {
      return Optional.empty();
    }
    return sql.byToken(hash).flatMap(row -> booked(sql, row));
  }

  static Optional<Booked> booked(AppointmentSql sql, AppointmentSql.TokenRow row) {
    return sql.type(row.typeId())
        .map(
            t ->
                new Booked(
                    row.id(),
                    t.id(),
                    t.name(),
                    t.locationName(),
                    t.address(),
                    sql.counterName(row.counterId()),
                    row.start(),
                    row.end(),
                    row.status(),
                    row.holdExpiresAt()));
  }

  /**
   * Follows a visitor's confirmation link: the hold becomes a booking and the confirmation with the
   * calendar file is queued. False when the link is unknown, already used or the hold expired.
   */
  public boolean confirm(String token, Locale locale) {
    String hash = AppointmentToken.hash(token);
    if (hash == null) {
      return false;
    }
    Optional<Object[]> confirmed = sql.confirm(hash);
    confirmed.ifPresent(
        r ->
            outbox.queue(
                (UUID) r[1],
                null,
                (String) r[2],
                MAIL_BOOKED,
                Map.of("token", token),
                language(locale)));
    return confirmed.isPresent();
  }

  /** Cancels a future appointment through its link; false if there is nothing to cancel. */
  public boolean cancel(String token) {
    String hash = AppointmentToken.hash(token);
    return hash != null && sql.cancel(hash);
  }

  /** The iCalendar file of the appointment a link names. */
  public Optional<String> ics(String token) {
    return byToken(token).map(Appointments::ics);
  }

  static String ics(Booked b) {
    return IcsCalendar.of(
        new IcsCalendar.Event(
            b.id() + "@rathaus",
            b.start(),
            b.end(),
            b.typeName(),
            b.locationName() + ", " + b.address(),
            Instant.now()),
        "CANCELLED".equals(b.status()));
  }

  private static String language(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? "en" : "de";
  }
}
