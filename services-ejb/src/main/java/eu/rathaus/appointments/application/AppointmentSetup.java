package eu.rathaus.appointments.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipal admin's setup of appointments: locations, their counters, weekly opening hours,
 * closures (holidays) and appointment types (minutes, anonymous booking, the catalogue service
 * whose last step the appointment is). The municipality comes from the staff scope; every write
 * names it and row-level security (V27) checks it again. Input problems come back as message keys
 * ({@code appointments.setup.problem.*}) and nothing is written while one remains.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class AppointmentSetup {

  /** A location with everything configured for it. */
  public record Location(
      UUID id,
      String name,
      String address,
      List<Item> counters,
      List<Item> hours,
      List<Item> closures,
      List<Item> types)
      implements java.io.Serializable {}

  /** One configured entry, as listed (id and its text). */
  public record Item(UUID id, String text) implements java.io.Serializable {}

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject AuditLog audit;

  public List<Location> locations() {
    UUID m = municipality();
    List<Location> result = new ArrayList<>();
    for (Object[] l :
        rows(
            "select id, name, address from appointment_location where municipality_id = ?1 order by name, id",
            m)) {
      UUID id = (UUID) l[0];
      result.add(
          new Location(
              id,
              (String) l[1],
              (String) l[2],
              items(
                  "select id, name from appointment_counter where location_id = ?1 and municipality_id = ?2 order by name",
                  id,
                  m),
              items(
                  "select id, weekday || ' ' || to_char(opens, 'HH24:MI') || '–' || to_char(closes, 'HH24:MI')"
                      + " from appointment_opening_hours where location_id = ?1 and municipality_id = ?2 order by weekday, opens",
                  id,
                  m),
              items(
                  "select id, to_char(day, 'YYYY-MM-DD') || ' ' || reason from appointment_closure"
                      + " where location_id = ?1 and municipality_id = ?2 order by day",
                  id,
                  m),
              items(
                  "select t.id, t.name || ' (' || t.minutes || ' min'"
                      + " || case when t.anonymous_allowed then ', ohne Anmeldung' else '' end"
                      + " || coalesce(', letzter Schritt von: ' || d.title_de, '') || ')'"
                      + " from appointment_type t left join service_definition d on d.id = t.definition_id"
                      + " where t.location_id = ?1 and t.municipality_id = ?2 and t.active order by t.name",
                  id,
                  m)));
    }
    return result;
  }

  public Optional<String> addLocation(String name, String address) {
    String n = trim(name);
    String a = trim(address);
    if (n.isEmpty() || n.length() > 200) {
      return problem("name");
    }
    if (a.isEmpty() || a.length() > 300) {
      return problem("address");
    }
    write(
        "insert into appointment_location (id, municipality_id, name, address) values (?1, ?2, ?3, ?4)",
        UUID.randomUUID(),
        municipality(),
        n,
        a);
    return Optional.empty();
  }

  public Optional<String> addCounter(UUID location, String name) {
    String n = trim(name);
    if (n.isEmpty() || n.length() > 100) {
      return problem("counter");
    }
    if (!ownLocation(location)) {
      return problem("location");
    }
    write(
        "insert into appointment_counter (id, municipality_id, location_id, name) values (?1, ?2, ?3, ?4)",
        UUID.randomUUID(),
        municipality(),
        location,
        n);
    return Optional.empty();
  }

  public Optional<String> addHours(UUID location, int weekday, String opens, String closes) {
    LocalTime from = time(opens);
    LocalTime to = time(closes);
    if (weekday < DayOfWeek.MONDAY.getValue() || weekday > DayOfWeek.SUNDAY.getValue()) {
      return problem("weekday");
    }
    if (from == null || to == null || !from.isBefore(to)) {
      return problem("hours");
    }
    if (!ownLocation(location)) {
      return problem("location");
    }
    write(
        "insert into appointment_opening_hours (id, municipality_id, location_id, weekday, opens, closes)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6)",
        UUID.randomUUID(),
        municipality(),
        location,
        (short) weekday,
        java.sql.Time.valueOf(from),
        java.sql.Time.valueOf(to));
    return Optional.empty();
  }

  public Optional<String> addClosure(UUID location, String day, String reason) {
    LocalDate date;
    try {
      date = LocalDate.parse(trim(day));
    } catch (DateTimeParseException e) {
      return problem("day");
    }
    String r = trim(reason);
    if (r.isEmpty() || r.length() > 200) {
      return problem("reason");
    }
    if (!ownLocation(location)) {
      return problem("location");
    }
    if (!rows(
            "select id, day from appointment_closure where location_id = ?1 and day = ?2",
            location,
            date)
        .isEmpty()) {
      return problem("closureExists");
    }
    write(
        "insert into appointment_closure (id, municipality_id, location_id, day, reason) values (?1, ?2, ?3, ?4, ?5)",
        UUID.randomUUID(),
        municipality(),
        location,
        date,
        r);
    return Optional.empty();
  }

  public Optional<String> addType(UUID location, String name, String minutes, boolean anonymous) {
    String n = trim(name);
    if (n.isEmpty() || n.length() > 200) {
      return problem("type");
    }
    int length;
    try {
      length = Integer.parseInt(trim(minutes));
    } catch (NumberFormatException e) {
      return problem("minutes");
    }
    if (length < 5 || length > 240) {
      return problem("minutes");
    }
    if (!ownLocation(location)) {
      return problem("location");
    }
    write(
        "insert into appointment_type (id, municipality_id, location_id, name, minutes, anonymous_allowed)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6)",
        UUID.randomUUID(),
        municipality(),
        location,
        n,
        length,
        anonymous);
    return Optional.empty();
  }

  /**
   * Makes a service of the own municipality end with an appointment of the given type (or with
   * none, {@code type} null): after submitting an application for that service, the applicant is
   * offered a time of this type, linked to her case. A service ends with at most one type.
   */
  public Optional<String> linkService(UUID definition, UUID type) {
    UUID m = municipality();
    if (definition == null
        || rows(
                "select id, service_key from service_definition where id = ?1 and municipality_id = ?2",
                definition,
                m)
            .isEmpty()) {
      return problem("linkService");
    }
    if (type != null
        && rows(
                "select id, name from appointment_type where id = ?1 and municipality_id = ?2 and active",
                type,
                m)
            .isEmpty()) {
      return problem("linkType");
    }
    write(
        "update appointment_type set definition_id = null where definition_id = ?1 and municipality_id = ?2",
        definition,
        m);
    if (type != null) {
      write(
          "update appointment_type set definition_id = ?1 where id = ?2 and municipality_id = ?3",
          definition,
          type,
          m);
    }
    audit.record(
        new AuditEvent(
            caller.get().subject(),
            "appointment.service-linked",
            "service",
            definition.toString(),
            m,
            type == null ? "no appointment" : "type " + type));
    return Optional.empty();
  }

  /** Removes opening hours or a closure of the own municipality; false if there is none. */
  public boolean remove(String what, UUID id) {
    String table =
        switch (what) {
          case "hours" -> "appointment_opening_hours";
          case "closure" -> "appointment_closure";
          default -> throw new IllegalArgumentException("cannot remove " + what);
        };
    return em.createNativeQuery("delete from " + table + " where id = ?1 and municipality_id = ?2")
            .setParameter(1, id)
            .setParameter(2, municipality())
            .executeUpdate()
        == 1;
  }

  /** Retires a type: no new bookings, booked appointments stay. */
  public boolean retireType(UUID id) {
    return em.createNativeQuery(
                "update appointment_type set active = false where id = ?1 and municipality_id = ?2")
            .setParameter(1, id)
            .setParameter(2, municipality())
            .executeUpdate()
        == 1;
  }

  private boolean ownLocation(UUID location) {
    return location != null
        && !rows(
                "select id, name from appointment_location where id = ?1 and municipality_id = ?2",
                location,
                municipality())
            .isEmpty();
  }

  private static Optional<String> problem(String key) {
    return Optional.of("appointments.setup.problem." + key);
  }

  private static String trim(String value) {
    return value == null ? "" : value.strip();
  }

  private static LocalTime time(String value) {
    try {
      return LocalTime.parse(trim(value));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private List<Item> items(String sql, Object... values) {
    return rows(sql, values).stream().map(r -> new Item((UUID) r[0], (String) r[1])).toList();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... values) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    return query.getResultList();
  }

  private void write(String sql, Object... values) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    query.executeUpdate();
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("appointment setup is for a municipality's staff");
    }
    return scope.municipalityId();
  }
}
