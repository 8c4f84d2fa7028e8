package eu.rathaus.appointments.infrastructure;

import static eu.rathaus.kernel.NativeRows.date;
import static eu.rathaus.kernel.NativeRows.instant;
import static eu.rathaus.kernel.NativeRows.rows;

import eu.rathaus.appointments.domain.Busy;
import eu.rathaus.appointments.domain.OpeningHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Native SQL on the V27 tables. Every method runs in the caller's transaction and scope (row-level
 * security decides what it sees); links from mails go through the security-definer functions of
 * V27, which hand out no e-mail address.
 */
@ApplicationScoped
public class AppointmentSql {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** An appointment type with its location, as the booking pages show it. */
  public record TypeRow(
      UUID id,
      UUID municipalityId,
      String name,
      int minutes,
      boolean anonymousAllowed,
      UUID locationId,
      String locationName,
      String address,
      UUID definitionId) {}

  /** An appointment as its link shows it. */
  public record TokenRow(
      UUID id,
      UUID municipalityId,
      UUID typeId,
      UUID counterId,
      Instant start,
      Instant end,
      String status,
      Instant holdExpiresAt,
      UUID caseId) {}

  /** One line of the staff's day list. */
  public record DayRow(
      UUID id,
      UUID counterId,
      String counterName,
      String typeName,
      Instant start,
      Instant end,
      String status,
      String email,
      UUID caseId) {}

  /** A reminder to send. */
  public record ReminderRow(UUID id, UUID municipalityId, String subject, String email) {}

  private static final String TYPE_SELECT =
      "select t.id, t.municipality_id, t.name, t.minutes, t.anonymous_allowed, l.id, l.name, l.address, t.definition_id"
          + " from appointment_type t join appointment_location l on l.id = t.location_id";

  public List<TypeRow> types(UUID municipality) {
    return rows(
            em.createNativeQuery(
                    TYPE_SELECT
                        + " where t.municipality_id = ?1 and t.active order by t.name, t.id")
                .setParameter(1, municipality))
        .stream()
        .map(AppointmentSql::typeRow)
        .toList();
  }

  public Optional<TypeRow> type(UUID id) {
    return rows(em.createNativeQuery(TYPE_SELECT + " where t.id = ?1").setParameter(1, id)).stream()
        .map(AppointmentSql::typeRow)
        .findFirst();
  }

  private static TypeRow typeRow(Object[] r) {
    return new TypeRow(
        (UUID) r[0],
        (UUID) r[1],
        (String) r[2],
        ((Number) r[3]).intValue(),
        (Boolean) r[4],
        (UUID) r[5],
        (String) r[6],
        (String) r[7],
        (UUID) r[8]);
  }

  public List<OpeningHours> hours(UUID location) {
    return rows(
            em.createNativeQuery(
                    "select weekday, opens, closes from appointment_opening_hours where location_id = ?1"
                        + " order by weekday, opens")
                .setParameter(1, location))
        .stream()
        .map(
            r -> new OpeningHours(DayOfWeek.of(((Number) r[0]).intValue()), time(r[1]), time(r[2])))
        .toList();
  }

  public Set<LocalDate> closures(UUID location, LocalDate from, LocalDate to) {
    return rows(
            em.createNativeQuery(
                    "select day, reason from appointment_closure where location_id = ?1 and day between ?2 and ?3")
                .setParameter(1, location)
                .setParameter(2, from)
                .setParameter(3, to))
        .stream()
        .map(r -> date(r[0]))
        .collect(Collectors.toSet());
  }

  /** Active counters of a location, in a stable order (the first free one is proposed). */
  public List<UUID> counters(UUID location) {
    return rows(
            em.createNativeQuery(
                    "select id, name from appointment_counter where location_id = ?1 and active order by name, id")
                .setParameter(1, location))
        .stream()
        .map(r -> (UUID) r[0])
        .toList();
  }

  public List<Busy> busy(UUID location, Instant from, Instant to) {
    return rows(
            em.createNativeQuery(
                    "select counter_id, starts_at, ends_at from appointment_busy(?1, ?2, ?3)")
                .setParameter(1, location)
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to)))
        .stream()
        .map(r -> new Busy((UUID) r[0], instant(r[1]), instant(r[2])))
        .toList();
  }

  public void releaseExpired(UUID counter) {
    em.createNativeQuery("select appointment_release_expired(?1)")
        .setParameter(1, counter)
        .getSingleResult();
  }

  /**
   * Inserts the appointment unless it overlaps a live one of the same counter; the exclusion
   * constraint decides (ON CONFLICT DO NOTHING waits for a concurrent insert of the same time and
   * then skips). Returns whether the row was written.
   */
  public boolean insert(
      UUID id,
      UUID municipality,
      UUID type,
      UUID counter,
      Instant start,
      Instant end,
      String status,
      String subject,
      String email,
      UUID caseId,
      String tokenHash,
      Instant holdExpiresAt,
      Instant now) {
    return em.createNativeQuery(
                "insert into appointment (id, municipality_id, type_id, counter_id, starts_at, ends_at, status,"
                    + " citizen_subject, email, case_id, token_hash, hold_expires_at, created_at, confirmed_at)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) on conflict do nothing")
            .setParameter(1, id)
            .setParameter(2, municipality)
            .setParameter(3, type)
            .setParameter(4, counter)
            .setParameter(5, Timestamp.from(start))
            .setParameter(6, Timestamp.from(end))
            .setParameter(7, status)
            .setParameter(8, subject)
            .setParameter(9, email)
            .setParameter(10, caseId)
            .setParameter(11, tokenHash)
            .setParameter(12, holdExpiresAt == null ? null : Timestamp.from(holdExpiresAt))
            .setParameter(13, Timestamp.from(now))
            .setParameter(14, holdExpiresAt == null ? Timestamp.from(now) : null)
            .executeUpdate()
        == 1;
  }

  public Optional<TokenRow> byToken(String tokenHash) {
    return rows(
            em.createNativeQuery(
                    "select id, municipality_id, type_id, counter_id, starts_at, ends_at, status, hold_expires_at, case_id"
                        + " from appointment_by_token(?1)")
                .setParameter(1, tokenHash))
        .stream()
        .map(
            r ->
                new TokenRow(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (UUID) r[3],
                    instant(r[4]),
                    instant(r[5]),
                    (String) r[6],
                    r[7] == null ? null : instant(r[7]),
                    (UUID) r[8]))
        .findFirst();
  }

  /** The confirmed appointment's id, municipality and address, if the hold was confirmed now. */
  public Optional<Object[]> confirm(String tokenHash) {
    return rows(
            em.createNativeQuery("select id, municipality_id, email from appointment_confirm(?1)")
                .setParameter(1, tokenHash))
        .stream()
        .filter(r -> r[0] != null)
        .findFirst();
  }

  public boolean cancel(String tokenHash) {
    Object id =
        em.createNativeQuery("select appointment_cancel(?1)")
            .setParameter(1, tokenHash)
            .getSingleResult();
    return id != null;
  }

  /** The new appointment after a move through a link (V39 {@code appointment_rebook}). */
  public record Moved(
      UUID id, UUID oldId, UUID municipalityId, UUID counterId, String email, String subject) {}

  /**
   * Moves the booked appointment the link names to the first free counter of {@code counters} at
   * the new time, in the caller's transaction; empty (and nothing changed) when none is free.
   */
  public Optional<Moved> rebook(
      String tokenHash,
      List<UUID> counters,
      Instant start,
      Instant end,
      UUID newId,
      String newTokenHash) {
    return rows(
            em.createNativeQuery(
                    "select id, old_id, municipality_id, counter_id, email, citizen_subject"
                        + " from appointment_rebook(?1, cast(?2 as uuid[]), ?3, ?4, ?5, ?6)")
                .setParameter(1, tokenHash)
                .setParameter(
                    2,
                    counters.stream()
                        .map(UUID::toString)
                        .collect(Collectors.joining(",", "{", "}")))
                .setParameter(3, Timestamp.from(start))
                .setParameter(4, Timestamp.from(end))
                .setParameter(5, newId)
                .setParameter(6, newTokenHash))
        .stream()
        .filter(r -> r[0] != null)
        .map(
            r ->
                new Moved(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (UUID) r[3],
                    (String) r[4],
                    (String) r[5]))
        .findFirst();
  }

  /**
   * The appointment type whose service the caller's own case is of (row-level security: a citizen
   * sees only her cases, staff their municipality's), with the case's live appointment if any.
   */
  public record CaseOffer(
      UUID caseId, UUID typeId, UUID appointmentId, Instant start, Instant end, String status) {}

  public Optional<CaseOffer> caseOffer(UUID caseOrApplication) {
    return rows(
            em.createNativeQuery(
                    "select cr.id, t.id, ap.id, ap.starts_at, ap.ends_at, ap.status"
                        + " from case_record cr join case_application ca on ca.id = cr.application_id"
                        + " join appointment_type t on t.definition_id = ca.definition_id"
                        + " and t.municipality_id = ca.municipality_id"
                        + " left join appointment ap on ap.case_id = cr.id and ap.status in ('HELD', 'BOOKED', 'NO_SHOW')"
                        + " where (cr.id = ?1 or ca.id = ?1) and (t.active or ap.id is not null)"
                        + " order by t.active desc, ap.starts_at desc nulls last, t.name, t.id limit 1")
                .setParameter(1, caseOrApplication))
        .stream()
        .map(
            r ->
                new CaseOffer(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    r[3] == null ? null : instant(r[3]),
                    r[4] == null ? null : instant(r[4]),
                    (String) r[5]))
        .findFirst();
  }

  /** Whether the case is one the caller may see and is of the type's service. */
  public boolean caseFitsType(UUID caseId, UUID typeId) {
    return ((Number)
                em.createNativeQuery(
                        "select count(*) from case_record cr join case_application ca on ca.id = cr.application_id"
                            + " join appointment_type t on t.definition_id = ca.definition_id"
                            + " and t.municipality_id = ca.municipality_id"
                            + " where cr.id = ?1 and t.id = ?2")
                    .setParameter(1, caseId)
                    .setParameter(2, typeId)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /** Whether the case already has a live appointment (the caller's, by row-level security). */
  public boolean caseHasAppointment(UUID caseId) {
    return ((Number)
                em.createNativeQuery(
                        "select count(*) from appointment where case_id = ?1 and status in ('HELD', 'BOOKED')")
                    .setParameter(1, caseId)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  public String counterName(UUID counter) {
    return (String)
        em.createNativeQuery("select name from appointment_counter where id = ?1")
            .setParameter(1, counter)
            .getSingleResult();
  }

  public List<DayRow> day(UUID municipality, Instant from, Instant to) {
    return rows(
            em.createNativeQuery(
                    "select a.id, c.id, c.name, t.name, a.starts_at, a.ends_at, a.status, a.email, a.case_id"
                        + " from appointment a join appointment_counter c on c.id = a.counter_id"
                        + " join appointment_type t on t.id = a.type_id"
                        + " where a.municipality_id = ?1 and a.starts_at >= ?2 and a.starts_at < ?3"
                        + " and a.status in ('BOOKED', 'NO_SHOW')"
                        + " order by c.name, c.id, a.starts_at")
                .setParameter(1, municipality)
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to)))
        .stream()
        .map(
            r ->
                new DayRow(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    instant(r[4]),
                    instant(r[5]),
                    (String) r[6],
                    (String) r[7],
                    (UUID) r[8]))
        .toList();
  }

  /** Marks a booked appointment that has begun as a no-show; false if it is not one. */
  public boolean markNoShow(UUID id, UUID municipality, Instant now) {
    return em.createNativeQuery(
                "update appointment set status = 'NO_SHOW', no_show_at = ?3"
                    + " where id = ?1 and municipality_id = ?2 and status = 'BOOKED' and starts_at <= ?3")
            .setParameter(1, id)
            .setParameter(2, municipality)
            .setParameter(3, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  /**
   * Claims booked appointments in [from, to) whose reminder is not sent yet, locked with SKIP
   * LOCKED so a second node running at the same moment takes other rows or none.
   */
  public List<ReminderRow> claimReminders(Instant from, Instant to, int limit) {
    return rows(
            em.createNativeQuery(
                    "select id, municipality_id, citizen_subject, email from appointment"
                        + " where status = 'BOOKED' and reminder_sent_at is null and starts_at >= ?1 and starts_at < ?2"
                        + " order by starts_at, id limit ?3 for update skip locked")
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .setParameter(3, limit))
        .stream()
        .map(r -> new ReminderRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  public void markReminded(UUID id, Instant now) {
    em.createNativeQuery("update appointment set reminder_sent_at = ?2 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, Timestamp.from(now))
        .executeUpdate();
  }

  static LocalTime time(Object value) {
    return value instanceof LocalTime t ? t : ((Time) value).toLocalTime();
  }
}
