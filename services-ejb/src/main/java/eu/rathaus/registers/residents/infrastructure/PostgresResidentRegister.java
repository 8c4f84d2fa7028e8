package eu.rathaus.registers.residents.infrastructure;

import static eu.rathaus.kernel.NativeRows.date;
import static eu.rathaus.kernel.NativeRows.rows;

import eu.rathaus.registers.residents.domain.Address;
import eu.rathaus.registers.residents.domain.BlockNote;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.MoveRequest;
import eu.rathaus.registers.residents.domain.Residence;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentRegister;
import eu.rathaus.registers.residents.domain.ResidentSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in register: native SQL on the V50 tables in the caller's transaction and scope, so
 * row-level security decides again what is visible (staff: their municipality; a citizen: only the
 * record linked to her eID pseudonym, which this adapter names in {@code rathaus.eid} for the one
 * query that needs it).
 */
@ApplicationScoped
public class PostgresResidentRegister implements ResidentRegister {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject OwnHouseholdSql households;

  private static final String RESIDENT_SELECT =
      "select r.id, r.municipality_id, r.given_names, r.family_name, r.birth_name, r.birth_date,"
          + " r.birth_place, r.nationality from resident r";

  @Override
  public List<ResidentSummary> search(UUID municipality, String query, int limit) {
    List<String> words =
        query == null
            ? List.of()
            : Arrays.stream(query.toLowerCase(Locale.ROOT).strip().split("\\s+"))
                .filter(w -> !w.isBlank())
                .limit(5)
                .toList();
    if (words.isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "select r.id, r.given_names, r.family_name, r.birth_date,"
                + " (select a.street || ' ' || a.house_number || ', ' || a.postcode || ' ' || a.town"
                + "    from resident_address a where a.resident_id = r.id and a.moved_out is null"
                + "    and a.residence = 'MAIN'),"
                + " exists (select 1 from resident_block b where b.resident_id = r.id"
                + "   and b.since <= current_date and (b.until is null or b.until >= current_date))"
                + " from resident r where r.municipality_id = ?1");
    for (int i = 0; i < words.size(); i++) {
      sql.append(" and strpos(r.search_text, ?").append(i + 2).append(") > 0");
    }
    sql.append(" order by r.family_name, r.given_names, r.birth_date, r.id");
    Query q = em.createNativeQuery(sql.toString()).setParameter(1, municipality);
    for (int i = 0; i < words.size(); i++) {
      q.setParameter(i + 2, words.get(i));
    }
    return rows(q.setMaxResults(limit)).stream()
        .map(
            r ->
                new ResidentSummary(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    date(r[3]),
                    (String) r[4],
                    Boolean.TRUE.equals(r[5])))
        .toList();
  }

  @Override
  public Optional<Resident> find(UUID municipality, UUID id) {
    return rows(
            em.createNativeQuery(RESIDENT_SELECT + " where r.municipality_id = ?1 and r.id = ?2")
                .setParameter(1, municipality)
                .setParameter(2, id))
        .stream()
        .findFirst()
        .map(r -> resident(r, true));
  }

  /**
   * Her own record as she may read it (V50: only her own rows), with the household's members
   * through V58's {@code rathaus_own_household} ({@link OwnHouseholdSql}).
   */
  @Override
  public Optional<Resident> findOwn(UUID municipality, String eidPseudonym) {
    if (eidPseudonym == null || eidPseudonym.isBlank()) {
      return Optional.empty();
    }
    em.createNativeQuery("select set_config('rathaus.eid', ?1, true)")
        .setParameter(1, eidPseudonym)
        .getSingleResult();
    Optional<Resident> own;
    try {
      own =
          rows(
                  em.createNativeQuery(
                          RESIDENT_SELECT
                              + " where r.municipality_id = ?1 and r.eid_pseudonym = ?2")
                      .setParameter(1, municipality)
                      .setParameter(2, eidPseudonym))
              .stream()
              .findFirst()
              .map(r -> resident(r, false));
    } finally {
      em.createNativeQuery("select set_config('rathaus.eid', '', true)").getSingleResult();
    }
    // After the finally: OwnHouseholdSql names and clears rathaus.eid itself.
    return own.map(r -> r.withHousehold(households.of(municipality, eidPseudonym)));
  }

  private Resident resident(Object[] r, boolean withHousehold) {
    UUID id = (UUID) r[0];
    return new Resident(
        id,
        (UUID) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        date(r[5]),
        (String) r[6],
        (String) r[7],
        addresses(id),
        withHousehold ? household(id) : List.of(),
        blocks(id));
  }

  private List<Address> addresses(UUID resident) {
    List<Address> addresses = new ArrayList<>();
    for (Object[] a :
        rows(
            em.createNativeQuery(
                    "select street, house_number, postcode, town, moved_in, moved_out, residence"
                        + " from resident_address where resident_id = ?1 order by moved_in desc, id")
                .setParameter(1, resident))) {
      addresses.add(
          new Address(
              (String) a[0],
              (String) a[1],
              (String) a[2],
              (String) a[3],
              date(a[4]),
              a[5] == null ? null : date(a[5]),
              Residence.valueOf((String) a[6])));
    }
    return addresses;
  }

  private List<HouseholdMember> household(UUID resident) {
    return rows(
            em.createNativeQuery(
                    "select m.id, m.given_names, m.family_name, m.birth_date, h.relation"
                        + " from resident_household h join resident m on m.id = h.member_id"
                        + " where h.resident_id = ?1 order by m.birth_date, m.id")
                .setParameter(1, resident))
        .stream()
        .map(PostgresResidentRegister::member)
        .toList();
  }

  /** A household member from id, given names, family name, birth date and relation. */
  static HouseholdMember member(Object[] m) {
    return new HouseholdMember(
        (UUID) m[0],
        (String) m[1],
        (String) m[2],
        date(m[3]),
        HouseholdMember.Relation.valueOf((String) m[4]));
  }

  private List<BlockNote> blocks(UUID resident) {
    return rows(
            em.createNativeQuery(
                    "select kind, reason, since, until from resident_block where resident_id = ?1"
                        + " order by since, id")
                .setParameter(1, resident))
        .stream()
        .map(
            b ->
                new BlockNote(
                    BlockNote.Kind.valueOf((String) b[0]),
                    (String) b[1],
                    date(b[2]),
                    b[3] == null ? null : date(b[3])))
        .toList();
  }

  @Override
  public List<HouseholdMember> ownHousehold(UUID municipality, String eidPseudonym) {
    return households.of(municipality, eidPseudonym);
  }

  @Override
  public Optional<Resident> findLinked(UUID municipality, String eidPseudonym) {
    if (eidPseudonym == null || eidPseudonym.isBlank()) {
      return Optional.empty();
    }
    return rows(
            em.createNativeQuery(
                    RESIDENT_SELECT + " where r.municipality_id = ?1 and r.eid_pseudonym = ?2")
                .setParameter(1, municipality)
                .setParameter(2, eidPseudonym))
        .stream()
        .findFirst()
        .map(r -> resident(r, true));
  }

  @Override
  public void move(
      UUID municipality, UUID resident, MoveRequest.NewAddress address, LocalDate movingDate) {
    em.createNativeQuery(
            "update resident_address set moved_out = cast(?3 as date) - 1"
                + " where municipality_id = ?1 and resident_id = ?2 and moved_out is null"
                + " and residence = 'MAIN'")
        .setParameter(1, municipality)
        .setParameter(2, resident)
        .setParameter(3, movingDate)
        .executeUpdate();
    insertAddress(municipality, resident, address, movingDate);
  }

  @Override
  public UUID register(
      UUID municipality,
      String givenNames,
      String familyName,
      LocalDate birthDate,
      String eidPseudonym,
      MoveRequest.NewAddress address,
      LocalDate movingDate) {
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "insert into resident (id, municipality_id, given_names, family_name, birth_date,"
                + " eid_pseudonym) values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, id)
        .setParameter(2, municipality)
        .setParameter(3, givenNames.strip())
        .setParameter(4, familyName.strip())
        .setParameter(5, birthDate)
        .setParameter(6, eidPseudonym)
        .executeUpdate();
    insertAddress(municipality, id, address, movingDate);
    return id;
  }

  @Override
  public void recordPreviousAddress(
      UUID municipality, UUID resident, MoveRequest.NewAddress address, LocalDate until) {
    insertAddress(municipality, resident, address, null, until);
  }

  @Override
  public void joinHousehold(UUID municipality, List<UUID> residents) {
    for (UUID resident : residents) {
      for (UUID member : residents) {
        if (!resident.equals(member)) {
          em.createNativeQuery(
                  "insert into resident_household (municipality_id, resident_id, member_id,"
                      + " relation) values (?1, ?2, ?3, 'OTHER') on conflict do nothing")
              .setParameter(1, municipality)
              .setParameter(2, resident)
              .setParameter(3, member)
              .executeUpdate();
        }
      }
    }
  }

  private void insertAddress(
      UUID municipality, UUID resident, MoveRequest.NewAddress address, LocalDate movingDate) {
    insertAddress(municipality, resident, address, movingDate, null);
  }

  /**
   * A main residence from {@code movedIn} (null: unknown) until {@code movedOut} (null: current); a
   * missing date is written as SQL null, never bound (an untyped null parameter is no date).
   */
  private void insertAddress(
      UUID municipality,
      UUID resident,
      MoveRequest.NewAddress address,
      LocalDate movedIn,
      LocalDate movedOut) {
    String in = movedIn == null ? "null" : "?8";
    String out = movedOut == null ? "null" : movedIn == null ? "?8" : "?9";
    Query insert =
        em.createNativeQuery(
                "insert into resident_address (id, municipality_id, resident_id, street,"
                    + " house_number, postcode, town, moved_in, moved_out, residence) values (?1,"
                    + " ?2, ?3, ?4, ?5, ?6, ?7, "
                    + in
                    + ", "
                    + out
                    + ", 'MAIN')")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, municipality)
            .setParameter(3, resident)
            .setParameter(4, address.street().strip())
            .setParameter(5, address.houseNumber().strip())
            .setParameter(6, address.postcode().strip())
            .setParameter(7, address.town().strip());
    int next = 8;
    for (LocalDate day : new LocalDate[] {movedIn, movedOut}) {
      if (day != null) {
        insert.setParameter(next++, day);
      }
    }
    insert.executeUpdate();
  }
}
