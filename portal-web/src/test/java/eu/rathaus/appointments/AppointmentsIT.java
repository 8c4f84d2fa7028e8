package eu.rathaus.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.appointments.application.AppointmentOffice;
import eu.rathaus.appointments.application.AppointmentReminders;
import eu.rathaus.appointments.application.AppointmentSetup;
import eu.rathaus.appointments.application.Appointments;
import eu.rathaus.appointments.application.BookingOutcome;
import eu.rathaus.appointments.application.CaseAppointment;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.NoticeTexts;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.RacingRequests;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Appointments against the real database: of parallel bookings of one slot exactly one wins (the
 * exclusion constraint of V27 decides) and the others are told it is taken; a visitor's hold counts
 * only once confirmed and frees its slot when it expires; the reminder is queued exactly once even
 * when two nodes run the job at the same moment; staff see only their own municipality's day. A
 * service can end with an appointment linked to the case; moving an appointment through its link
 * takes the new time and releases the old one in one transaction, audited. Every test makes its own
 * location, counter and type in one of the demo municipalities.
 */
@ExtendWith(ArquillianExtension.class)
class AppointmentsIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(AppointmentsIT.class, AppointmentsIT.Place.class);
  }

  @Inject Appointments appointments;
  @Inject AppointmentOffice office;
  @Inject AppointmentReminders reminders;
  @Inject AppointmentSetup setup;
  @Inject ItJourneys journeys;
  @Inject NoticeTexts texts;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;
  @Inject RacingRequests races;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A test's own location with its counters and one appointment type. */
  record Place(UUID location, List<UUID> counters, UUID type) {}

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  private Place place(UUID municipality, int counters, int minutes) throws Exception {
    UUID location = UUID.randomUUID();
    UUID type = UUID.randomUUID();
    List<UUID> ids = new ArrayList<>();
    transactions.asPlatform(
        () -> {
          em.createNativeQuery(
                  "insert into appointment_location (id, municipality_id, name, address) values (?1, ?2, ?3, 'Teststraße 1')")
              .setParameter(1, location)
              .setParameter(2, municipality)
              .setParameter(3, "IT-Büro " + location.toString().substring(0, 8))
              .executeUpdate();
          for (int i = 0; i < counters; i++) {
            UUID counter = UUID.randomUUID();
            ids.add(counter);
            em.createNativeQuery(
                    "insert into appointment_counter (id, municipality_id, location_id, name) values (?1, ?2, ?3, ?4)")
                .setParameter(1, counter)
                .setParameter(2, municipality)
                .setParameter(3, location)
                .setParameter(4, "Schalter " + (i + 1))
                .executeUpdate();
          }
          em.createNativeQuery(
                  "insert into appointment_opening_hours (id, municipality_id, location_id, weekday, opens, closes)"
                      + " select gen_random_uuid(), ?1, ?2, d, '06:00', '20:00' from generate_series(1, 7) d")
              .setParameter(1, municipality)
              .setParameter(2, location)
              .executeUpdate();
          em.createNativeQuery(
                  "insert into appointment_type (id, municipality_id, location_id, name, minutes, anonymous_allowed)"
                      + " values (?1, ?2, ?3, 'Personalausweis abholen', ?4, true)")
              .setParameter(1, type)
              .setParameter(2, municipality)
              .setParameter(3, location)
              .setParameter(4, minutes)
              .executeUpdate();
        });
    // Counters are offered in name order; keep the list in that order.
    return new Place(location, ids, type);
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return ZonedDateTime.of(day, LocalTime.of(hour, minute), Appointments.ZONE).toInstant();
  }

  private static LocalDate inDays(int days) {
    return LocalDate.now(Appointments.ZONE).plusDays(days);
  }

  private static String address(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@termin.example.org";
  }

  private RacingRequests.Contender<BookingOutcome> bookAs(
      TenantScope scope, Place place, Instant start, String email) {
    return new RacingRequests.Contender<>(
        scope, () -> appointments.book(place.type(), start, email, null, Locale.GERMAN));
  }

  private long count(String sql, Object... values) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () -> {
          var query = em.createNativeQuery(sql);
          for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
          }
          return ((Number) query.getSingleResult()).longValue();
        });
  }

  @Test
  void ofParallelBookingsOfOneSlotExactlyOneWinsAndTheOthersAreToldItIsTaken() throws Exception {
    Place place = place(MUSTERSTADT, 1, 20);
    Instant start = at(inDays(3), 10, 0);
    int people = 6;
    List<RacingRequests.Contender<BookingOutcome>> contenders = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      contenders.add(
          bookAs(
              TenantScope.citizen("it-appointment-" + UUID.randomUUID()),
              place,
              start,
              address("parallel")));
    }
    List<BookingOutcome> outcomes = races.atOnce(contenders);
    assertEquals(
        1,
        outcomes.stream().filter(o -> o.result() == BookingOutcome.Result.BOOKED).count(),
        outcomes::toString);
    assertEquals(
        people - 1,
        outcomes.stream().filter(o -> o.result() == BookingOutcome.Result.TAKEN).count(),
        outcomes::toString);
    assertEquals(
        "appointments.refused.taken",
        outcomes.stream().filter(o -> !o.isSuccess()).findFirst().orElseThrow().messageKey());
    assertEquals(
        1,
        count(
            "select count(*) from appointment where counter_id = ?1 and status in ('HELD', 'BOOKED')",
            place.counters().get(0)));
  }

  @Test
  void withTwoCountersTwoPeopleGetTheSameTimeAndTheThirdIsRefused() throws Exception {
    Place place = place(MUSTERSTADT, 2, 30);
    Instant start = at(inDays(4), 9, 30);
    List<String> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      caller.set(TenantScope.citizen("it-appointment-" + UUID.randomUUID()));
      results.add(
          appointments
              .book(place.type(), start, address("two"), null, Locale.GERMAN)
              .result()
              .name());
    }
    assertEquals(List.of("BOOKED", "BOOKED", "TAKEN"), results);
  }

  @Test
  void theDatabaseItselfRefusesAnOverlapOnOneCounter() throws Exception {
    Place place = place(BEISPIELHEIM, 1, 30);
    Instant start = at(inDays(5), 11, 0);
    caller.set(TenantScope.citizen("it-appointment-" + UUID.randomUUID()));
    assertTrue(
        appointments.book(place.type(), start, address("db"), null, Locale.GERMAN).isSuccess());
    // Behind the service's back, a second row that overlaps by ten minutes: refused (23P01).
    Exception refused = null;
    try {
      transactions.asPlatform(
          () ->
              em.createNativeQuery(
                      "insert into appointment (id, municipality_id, type_id, counter_id, starts_at, ends_at, status,"
                          + " email, token_hash, confirmed_at) values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, 'BOOKED',"
                          + " 'x@example.org', md5(random()::text) || md5(random()::text), now())")
                  .setParameter(1, BEISPIELHEIM)
                  .setParameter(2, place.type())
                  .setParameter(3, place.counters().get(0))
                  .setParameter(4, Timestamp.from(start.plusSeconds(1200)))
                  .setParameter(5, Timestamp.from(start.plusSeconds(3000)))
                  .executeUpdate());
    } catch (Exception e) {
      refused = e;
    }
    assertNotNull(refused, "an overlapping second booking must be refused by the database");
    String chain = "";
    for (Throwable t = refused; t != null; t = t.getCause()) {
      chain += t + "\n";
    }
    assertTrue(chain.contains("appointment_no_overlap"), chain);
  }

  @Test
  void aVisitorsHoldCountsOnlyOnceConfirmedAndAnExpiredHoldFreesItsSlot() throws Exception {
    Place place = place(MUSTERSTADT, 1, 15);
    Instant start = at(inDays(6), 8, 15);
    caller.set(TenantScope.anonymous());
    String first = address("visitor");
    BookingOutcome held = appointments.book(place.type(), start, first, null, Locale.GERMAN);
    assertEquals(BookingOutcome.Result.HELD, held.result());
    assertEquals(
        1,
        count(
            "select count(*) from notification_outbox where recipient_email = ?1 and template_key = 'appointment.confirm'",
            first));
    assertEquals(
        BookingOutcome.Result.TAKEN,
        appointments.book(place.type(), start, address("second"), null, Locale.GERMAN).result(),
        "a live hold blocks the slot");

    // The hold expires: the next visitor gets the slot, the first link no longer confirms.
    transactions.asPlatform(
        () ->
            em.createNativeQuery(
                    "update appointment set hold_expires_at = now() - interval '1 minute' where id = ?1")
                .setParameter(1, held.booked().id())
                .executeUpdate());
    String third = address("third");
    BookingOutcome again = appointments.book(place.type(), start, third, null, Locale.GERMAN);
    assertEquals(BookingOutcome.Result.HELD, again.result());
    assertFalse(appointments.confirm(held.token(), Locale.GERMAN));
    assertEquals("EXPIRED", appointments.byToken(held.token()).orElseThrow().status());

    // Confirmed through its link: booked, and the confirmation (with its calendar file) is queued.
    assertTrue(appointments.confirm(again.token(), Locale.GERMAN));
    assertFalse(appointments.confirm(again.token(), Locale.GERMAN), "a link confirms once");
    assertEquals("BOOKED", appointments.byToken(again.token()).orElseThrow().status());
    assertEquals(
        1,
        count(
            "select count(*) from notification_outbox where recipient_email = ?1 and template_key = 'appointment.booked'",
            third));
    NoticeTexts.Notice mail =
        transactions.call(
            TenantScope.platform("it"),
            () ->
                texts.render(
                    Appointments.MAIL_BOOKED, Map.of("token", again.token()), Locale.GERMAN));
    assertTrue(mail.body().contains("/appointments/manage.xhtml?token=" + again.token()));
    assertNotNull(mail.attachment(), "the calendar file is attached");
    String ics = new String(mail.attachment().bytes(), StandardCharsets.UTF_8);
    assertTrue(
        ics.contains(
            "DTSTART:"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(ZoneOffset.UTC)
                    .format(start)),
        ics);

    // Cancelled through the link: the slot is free again, the link cancels once.
    assertTrue(appointments.cancel(again.token()));
    assertFalse(appointments.cancel(again.token()));
    assertTrue(appointments.byToken("not-a-token").isEmpty());
    caller.set(TenantScope.anonymous());
    assertEquals(
        BookingOutcome.Result.HELD,
        appointments.book(place.type(), start, address("fourth"), null, Locale.GERMAN).result());
  }

  @Test
  void aVisitorCannotBookATypeThatNeedsTheEidAndBadAddressesAreRefused() throws Exception {
    Place place = place(MUSTERSTADT, 1, 15);
    transactions.asPlatform(
        () ->
            em.createNativeQuery(
                    "update appointment_type set anonymous_allowed = false where id = ?1")
                .setParameter(1, place.type())
                .executeUpdate());
    Instant start = at(inDays(6), 9, 0);
    caller.set(TenantScope.anonymous());
    assertEquals(
        BookingOutcome.Result.SIGN_IN_NEEDED,
        appointments.book(place.type(), start, address("v"), null, Locale.GERMAN).result());
    caller.set(TenantScope.citizen("it-appointment-" + UUID.randomUUID()));
    assertEquals(
        BookingOutcome.Result.INVALID_EMAIL,
        appointments.book(place.type(), start, "kein-at-zeichen", null, Locale.GERMAN).result());
    assertEquals(
        BookingOutcome.Result.TAKEN,
        appointments
            .book(place.type(), start.plusSeconds(60), address("odd"), null, Locale.GERMAN)
            .result(),
        "a time that is no slot start is not bookable");
    assertEquals(
        0,
        count("select count(*) from appointment where type_id = ?1", place.type()),
        "nothing written");
  }

  @Test
  void theReminderIsQueuedExactlyOnceWhenTwoNodesRunTheJobAtOnce() throws Exception {
    Place place = place(MUSTERSTADT, 1, 15);
    String email = address("reminded");
    caller.set(TenantScope.citizen("it-appointment-" + UUID.randomUUID()));
    BookingOutcome booked =
        appointments.book(place.type(), at(inDays(1), 10, 0), email, null, Locale.GERMAN);
    assertEquals(BookingOutcome.Result.BOOKED, booked.result());
    caller.set(null);

    races.atOnce(
        new RacingRequests.Contender<>(TenantScope.anonymous(), () -> reminders.remindDue()),
        new RacingRequests.Contender<>(TenantScope.anonymous(), () -> reminders.remindDue()));
    // A third run later finds nothing left for this appointment.
    reminders.remindDue();
    assertEquals(
        1,
        count(
            "select count(*) from notification_outbox where recipient_email = ?1 and template_key = 'appointment.reminder'",
            email));
    assertEquals(
        1,
        count(
            "select count(*) from appointment where id = ?1 and reminder_sent_at is not null",
            booked.booked().id()));
    // The reminder carries no content: no parameters at all.
    assertEquals(
        1,
        count(
            "select count(*) from notification_outbox where recipient_email = ?1 and parameters = '{}'::jsonb",
            email));
  }

  @Test
  void staffSeeTheirOwnMunicipalitysDayAndMarkNoShowsOnlyOnceTheyBegan() throws Exception {
    Place place = place(BEISPIELHEIM, 1, 15);
    LocalDate day = inDays(2);
    caller.set(TenantScope.citizen("it-appointment-" + UUID.randomUUID()));
    BookingOutcome booked =
        appointments.book(place.type(), at(day, 12, 0), address("office"), null, Locale.GERMAN);
    assertTrue(booked.isSuccess());

    caller.set(TenantScope.staff(MUSTERSTADT, "it-clerk-other"));
    assertTrue(
        office.day(day).stream()
            .flatMap(c -> c.entries().stream())
            .noneMatch(e -> e.id().equals(booked.booked().id())),
        "another municipality's staff do not see it");
    assertFalse(office.markNoShow(booked.booked().id()));

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-clerk"));
    assertTrue(
        office.day(day).stream()
            .filter(c -> c.counterName().equals("Schalter 1"))
            .flatMap(c -> c.entries().stream())
            .anyMatch(e -> e.id().equals(booked.booked().id())));
    assertFalse(office.markNoShow(booked.booked().id()), "not yet begun");
    transactions.asPlatform(
        () ->
            em.createNativeQuery(
                    "update appointment set starts_at = starts_at - interval '3 days', ends_at = ends_at - interval '3 days' where id = ?1")
                .setParameter(1, booked.booked().id())
                .executeUpdate());
    assertTrue(office.markNoShow(booked.booked().id()));
    assertEquals(
        1,
        count(
            "select count(*) from appointment where id = ?1 and status = 'NO_SHOW'",
            booked.booked().id()));
    assertEquals(
        1,
        count(
            "select count(*) from audit_entry where action = 'appointment.no-show' and subject_id = ?1"
                + " and actor = 'it-clerk'",
            booked.booked().id().toString()));
  }

  @Test
  void aServiceEndsWithAnAppointmentThatTheApplicantBooksForHerCaseAndStaffOpenTheCase()
      throws Exception {
    Place place = place(MUSTERSTADT, 1, 15);
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.termin-");

    // The municipal admin makes the service end with this appointment type (another
    // municipality's admin cannot).
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-admin-other"));
    assertEquals(
        "appointments.setup.problem.linkService",
        setup.linkService(service.definitionId(), place.type()).orElseThrow());
    caller.set(TenantScope.staff(MUSTERSTADT, "it-admin"));
    assertTrue(setup.linkService(service.definitionId(), place.type()).isEmpty());
    assertEquals(
        1,
        count(
            "select count(*) from audit_entry where action = 'appointment.service-linked' and subject_id = ?1",
            service.definitionId().toString()));

    String erika = "it-termin-erika-" + UUID.randomUUID();
    caller.set(TenantScope.citizen(erika));
    String reference =
        journeys.submitMeldebescheinigung(
            service.serviceKey(), "Termin", "erika@example.org", null, "Erika Termin");
    UUID application = journeys.applicationOf(reference);
    UUID caseId = journeys.caseOf(reference);
    caller.set(TenantScope.citizen(erika));
    CaseAppointment offer = appointments.forCase(application).orElseThrow();
    assertEquals(place.type(), offer.type().id(), "the submit page offers the service's type");
    assertEquals(caseId, offer.caseId());
    assertFalse(offer.isBooked());

    // Someone else cannot book for her case; she can, once.
    caller.set(TenantScope.citizen("it-termin-other-" + UUID.randomUUID()));
    assertTrue(appointments.forCase(application).isEmpty(), "not her case: nothing to see");
    Instant start = at(inDays(3), 9, 0);
    assertEquals(
        BookingOutcome.Result.NOT_BOOKABLE,
        appointments.book(place.type(), start, address("other"), caseId, Locale.GERMAN).result());
    caller.set(TenantScope.citizen(erika));
    BookingOutcome booked =
        appointments.book(place.type(), start, address("erika"), caseId, Locale.GERMAN);
    assertEquals(BookingOutcome.Result.BOOKED, booked.result());
    assertEquals(
        BookingOutcome.Result.ALREADY_BOOKED,
        appointments
            .book(place.type(), start.plusSeconds(3600), address("erika"), caseId, Locale.GERMAN)
            .result());
    CaseAppointment mine = appointments.forCase(caseId).orElseThrow();
    assertTrue(mine.isBooked());
    assertEquals(start, mine.start().toInstant(), "the case page shows the appointment");

    // Staff: the day list names the case, and the case shows the appointment.
    caller.set(TenantScope.staff(MUSTERSTADT, "it-clerk"));
    assertTrue(
        office.day(inDays(3)).stream()
            .flatMap(c -> c.entries().stream())
            .anyMatch(e -> e.id().equals(booked.booked().id()) && caseId.equals(e.caseId())));
    assertEquals(booked.booked().id(), appointments.forCase(caseId).orElseThrow().appointmentId());
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-clerk-other"));
    assertTrue(appointments.forCase(caseId).isEmpty(), "another municipality sees no case");

    // Unlinking: the service ends without an appointment again.
    caller.set(TenantScope.staff(MUSTERSTADT, "it-admin"));
    assertTrue(setup.linkService(service.definitionId(), null).isEmpty());
    assertEquals(
        0,
        count(
            "select count(*) from appointment_type where definition_id = ?1",
            service.definitionId()));
  }

  @Test
  void movingAnAppointmentTakesTheNewTimeAndReleasesTheOldOneInOneStepAudited() throws Exception {
    Place place = place(MUSTERSTADT, 1, 30);
    LocalDate day = inDays(4);
    String email = address("move");
    caller.set(TenantScope.citizen("it-appointment-" + UUID.randomUUID()));
    BookingOutcome first = appointments.book(place.type(), at(day, 9, 0), email, null, null);
    assertEquals(BookingOutcome.Result.BOOKED, first.result());
    caller.set(TenantScope.citizen("it-appointment-" + UUID.randomUUID()));
    BookingOutcome blocker =
        appointments.book(place.type(), at(day, 11, 0), address("blocker"), null, null);
    assertTrue(blocker.isSuccess());

    // Whoever holds the link (no sign-in) moves it; a taken time changes nothing.
    caller.set(TenantScope.anonymous());
    assertEquals(
        BookingOutcome.Result.TAKEN,
        appointments.rebook(first.token(), at(day, 11, 0), Locale.GERMAN).result());
    assertEquals("BOOKED", appointments.byToken(first.token()).orElseThrow().status());

    // To the next half hour on the only counter.
    BookingOutcome moved = appointments.rebook(first.token(), at(day, 9, 30), Locale.GERMAN);
    assertEquals(BookingOutcome.Result.BOOKED, moved.result(), moved::toString);
    assertEquals("MOVED", appointments.byToken(first.token()).orElseThrow().status());
    assertEquals("BOOKED", appointments.byToken(moved.token()).orElseThrow().status());
    assertEquals(at(day, 9, 30), appointments.byToken(moved.token()).orElseThrow().start());
    assertEquals(
        BookingOutcome.Result.NOT_BOOKABLE,
        appointments.rebook(first.token(), at(day, 14, 0), Locale.GERMAN).result(),
        "the old link moves nothing any more");
    assertEquals(
        1,
        count(
            "select count(*) from appointment where counter_id = ?1 and status = 'BOOKED' and email = ?2",
            place.counters().get(0),
            email));
    assertEquals(
        1,
        count(
            "select count(*) from appointment where id = ?1 and moved_to = ?2",
            first.booked().id(),
            moved.booked().id()));
    assertEquals(
        1,
        count(
            "select count(*) from audit_entry where action = 'appointment.rebooked' and subject_id = ?1"
                + " and municipality_id = ?2",
            moved.booked().id().toString(),
            MUSTERSTADT));
    assertEquals(
        2,
        count(
            "select count(*) from notification_outbox where recipient_email = ?1 and template_key = 'appointment.booked'",
            email),
        "the new time is confirmed by mail with its own link");

    // The old time is free again for others.
    caller.set(TenantScope.anonymous());
    assertEquals(
        BookingOutcome.Result.HELD,
        appointments.book(place.type(), at(day, 9, 0), address("after"), null, null).result());
  }

  @Test
  void ofAMoveAndABookingOfTheSameTimeAtOnceExactlyOneWinsAndTheLoserKeepsHisOldTime()
      throws Exception {
    Place place = place(BEISPIELHEIM, 1, 20);
    LocalDate day = inDays(5);
    caller.set(TenantScope.citizen("it-appointment-" + UUID.randomUUID()));
    BookingOutcome mover = appointments.book(place.type(), at(day, 8, 0), address("m"), null, null);
    assertEquals(BookingOutcome.Result.BOOKED, mover.result());
    caller.set(null);
    Instant contested = at(day, 13, 0);
    List<BookingOutcome> outcomes =
        races.atOnce(
            new RacingRequests.Contender<>(
                TenantScope.anonymous(),
                () -> appointments.rebook(mover.token(), contested, Locale.GERMAN)),
            bookAs(
                TenantScope.citizen("it-appointment-" + UUID.randomUUID()),
                place,
                contested,
                address("rival")));
    assertEquals(
        1, outcomes.stream().filter(BookingOutcome::isSuccess).count(), outcomes::toString);
    assertEquals(
        1,
        count(
            "select count(*) from appointment where counter_id = ?1 and starts_at = ?2 and status = 'BOOKED'",
            place.counters().get(0),
            Timestamp.from(contested)));
    boolean moverWon = outcomes.get(0).isSuccess();
    assertEquals(
        moverWon ? "MOVED" : "BOOKED",
        appointments.byToken(mover.token()).orElseThrow().status(),
        "the loser of the race keeps the old time");
  }
}
