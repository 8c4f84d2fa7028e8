package eu.rathaus.registers.lostproperty.infrastructure;

import static eu.rathaus.kernel.NativeRows.date;
import static eu.rathaus.kernel.NativeRows.instant;
import static eu.rathaus.kernel.NativeRows.rows;

import eu.rathaus.registers.lostproperty.domain.FoundItem;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.ItemStatus;
import eu.rathaus.registers.lostproperty.domain.LossMatching;
import eu.rathaus.registers.lostproperty.domain.PublicFoundItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Native SQL on the V42 tables. Every method runs in the caller's transaction and scope: row-level
 * security decides what it sees (a visitor only items that are FOUND, never a finder or a claim).
 * Loss reports are read from the submitted applications of the loss-report form (answers with
 * {@code reportType = lost} and an {@code itemCategory}) and their cases.
 */
@ApplicationScoped
public class LostPropertySql {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A submitted loss report, with the answers the matching needs (as the form stored them). */
  public record LossRow(
      UUID caseId,
      String reference,
      String category,
      String date,
      String place,
      String description,
      Instant submittedAt) {}

  /** An item whose deadline passed and what became of it. */
  public record DueRow(UUID id, UUID municipalityId, String status) {}

  public void insert(
      UUID id,
      UUID municipality,
      String category,
      String description,
      String foundPlace,
      LocalDate foundOn,
      String keptAt,
      boolean finderKeeps,
      String recordedBy) {
    em.createNativeQuery(
            "insert into found_item (id, municipality_id, category, description, found_place, found_on, kept_at,"
                + " finder_keeps, recorded_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, id)
        .setParameter(2, municipality)
        .setParameter(3, category)
        .setParameter(4, description)
        .setParameter(5, foundPlace)
        .setParameter(6, foundOn)
        .setParameter(7, keptAt)
        .setParameter(8, finderKeeps)
        .setParameter(9, recordedBy)
        .executeUpdate();
  }

  public void insertFinder(UUID item, UUID municipality, String name, String contact) {
    em.createNativeQuery(
            "insert into found_item_finder (found_item_id, municipality_id, name, contact) values (?1, ?2, ?3, ?4)")
        .setParameter(1, item)
        .setParameter(2, municipality)
        .setParameter(3, name)
        .setParameter(4, contact)
        .executeUpdate();
  }

  private static final String ITEM_SELECT =
      "select i.id, i.category, i.description, i.found_place, i.found_on, i.kept_at, i.deadline,"
          + " i.finder_keeps, i.status, exists (select 1 from found_item_finder f where f.found_item_id = i.id),"
          + " (select c.case_id from found_item_claim c where c.found_item_id = i.id)"
          + " from found_item i";

  /** The municipality's items, newest finding first. */
  public List<FoundItem> items(UUID municipality, int limit) {
    return rows(
            em.createNativeQuery(
                    ITEM_SELECT
                        + " where i.municipality_id = ?1 order by i.found_on desc, i.created_at desc, i.id")
                .setParameter(1, municipality)
                .setMaxResults(limit))
        .stream()
        .map(LostPropertySql::item)
        .toList();
  }

  public Optional<FoundItem> item(UUID municipality, UUID id) {
    return rows(
            em.createNativeQuery(ITEM_SELECT + " where i.municipality_id = ?1 and i.id = ?2")
                .setParameter(1, municipality)
                .setParameter(2, id))
        .stream()
        .map(LostPropertySql::item)
        .findFirst();
  }

  private static FoundItem item(Object[] r) {
    return new FoundItem(
        (UUID) r[0],
        category(r[1]),
        (String) r[2],
        (String) r[3],
        date(r[4]),
        (String) r[5],
        date(r[6]),
        (Boolean) r[7],
        ItemStatus.valueOf((String) r[8]),
        (Boolean) r[9],
        (UUID) r[10]);
  }

  private static PublicFoundItem publicItem(Object[] r) {
    return new PublicFoundItem(
        (UUID) r[0], category(r[1]), (String) r[2], (String) r[3], date(r[4]), (String) r[5]);
  }

  private static ItemCategory category(Object key) {
    return ItemCategory.of((String) key).orElse(ItemCategory.OTHER);
  }

  /** The finder's name and contact of an item: {name, contact}. */
  public Optional<String[]> finder(UUID municipality, UUID item) {
    return rows(
            em.createNativeQuery(
                    "select name, contact from found_item_finder where municipality_id = ?1 and found_item_id = ?2")
                .setParameter(1, municipality)
                .setParameter(2, item))
        .stream()
        .map(r -> new String[] {(String) r[0], (String) r[1]})
        .findFirst();
  }

  /**
   * The public search: a municipality's items that are FOUND, filtered by what is given (null: not
   * filtered); words through the German full-text configuration, like the catalogue search.
   */
  public List<PublicFoundItem> search(
      UUID municipality,
      String category,
      LocalDate from,
      LocalDate to,
      String place,
      String words,
      int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select i.id, i.category, i.description, i.found_place, i.found_on, i.kept_at"
                + " from found_item i where i.municipality_id = ?1 and i.status = 'FOUND'");
    List<Object> parameters = new ArrayList<>();
    parameters.add(municipality);
    if (category != null) {
      parameters.add(category);
      sql.append(" and i.category = ?").append(parameters.size());
    }
    if (from != null) {
      parameters.add(from);
      sql.append(" and i.found_on >= ?").append(parameters.size());
    }
    if (to != null) {
      parameters.add(to);
      sql.append(" and i.found_on <= ?").append(parameters.size());
    }
    if (place != null) {
      parameters.add("%" + likeEscaped(place) + "%");
      sql.append(" and i.found_place ilike ?").append(parameters.size()).append(" escape '\\'");
    }
    if (words != null) {
      parameters.add(words);
      sql.append(" and i.search_vector @@ websearch_to_tsquery('german', ?")
          .append(parameters.size())
          .append(")");
      sql.append(" order by ts_rank(i.search_vector, websearch_to_tsquery('german', ?")
          .append(parameters.size())
          .append(")) desc, i.found_on desc, i.id");
    } else {
      sql.append(" order by i.found_on desc, i.id");
    }
    Query query = em.createNativeQuery(sql.toString()).setMaxResults(limit);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return rows(query).stream().map(LostPropertySql::publicItem).toList();
  }

  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static final String LOSS_SELECT =
      "select c.id, a.reference_number, a.answers ->> 'itemCategory', a.answers ->> 'date',"
          + " a.answers ->> 'place', a.answers ->> 'description', a.submitted_at"
          + " from case_application a join case_record c on c.application_id = a.id"
          + " where a.municipality_id = ?1 and a.answers ->> 'reportType' = 'lost'"
          + " and a.answers ->> 'itemCategory' is not null";

  /** Loss reports of the municipality that no item was confirmed for yet, newest first. */
  public List<LossRow> openLossReports(UUID municipality, int limit) {
    return rows(
            em.createNativeQuery(
                    LOSS_SELECT
                        + " and not exists (select 1 from found_item_claim m where m.case_id = c.id)"
                        + " order by a.submitted_at desc, c.id")
                .setParameter(1, municipality)
                .setMaxResults(limit))
        .stream()
        .map(LostPropertySql::lossRow)
        .toList();
  }

  /** One loss report of the municipality (also one that has a claim). */
  public Optional<LossRow> lossReport(UUID municipality, UUID caseId) {
    return rows(
            em.createNativeQuery(LOSS_SELECT + " and c.id = ?2")
                .setParameter(1, municipality)
                .setParameter(2, caseId))
        .stream()
        .map(LostPropertySql::lossRow)
        .findFirst();
  }

  private static LossRow lossRow(Object[] r) {
    return new LossRow(
        (UUID) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        instant(r[6]));
  }

  /**
   * FOUND items of the municipality found in [from, to], with the rank of their text against any
   * word of {@code description} (German stems, OR-ed: a report never says it the same way).
   */
  public List<LossMatching.Candidate> candidates(
      UUID municipality, LocalDate from, LocalDate to, String description) {
    return rows(
            em.createNativeQuery(
                    "select i.id, i.category, i.description, i.found_place, i.found_on, i.kept_at,"
                        + " ts_rank(i.search_vector, q.query)"
                        + " from found_item i cross join (select coalesce((select to_tsquery('simple',"
                        + "   string_agg(quote_literal(p.lexeme), ' | ')) from unnest(to_tsvector('german', ?4)) p),"
                        + "   to_tsquery('simple', '')) as query) q"
                        + " where i.municipality_id = ?1 and i.status = 'FOUND' and i.found_on between ?2 and ?3"
                        + " order by i.found_on, i.id")
                .setParameter(1, municipality)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, description == null ? "" : description)
                .setMaxResults(500))
        .stream()
        .map(r -> new LossMatching.Candidate(publicItem(r), ((Number) r[6]).doubleValue()))
        .toList();
  }

  /**
   * Confirms the claim of case on item: the item moves FOUND → CLAIMED and the claim row is
   * written; false if the item is not FOUND (any more) or the report has an item already. Two
   * clerks at once for the same item: the item's row lock lets one win. For two items of the same
   * report: the claim's unique key on the case lets one win, the other's insert waits for it and
   * then does nothing (no constraint error), and its item stays FOUND.
   */
  public boolean claim(UUID municipality, UUID item, UUID caseId, String clerk, Instant now) {
    // The item's row lock first: a deadline job or a hand-over cannot change it under us.
    List<?> found =
        em.createNativeQuery(
                "select 1 from found_item where id = ?1 and municipality_id = ?2"
                    + " and status = 'FOUND' for update")
            .setParameter(1, item)
            .setParameter(2, municipality)
            .getResultList();
    if (found.isEmpty()) {
      return false;
    }
    int inserted =
        em.createNativeQuery(
                "insert into found_item_claim (id, municipality_id, found_item_id, case_id, confirmed_by, confirmed_at)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, municipality)
            .setParameter(3, item)
            .setParameter(4, caseId)
            .setParameter(5, clerk)
            .setParameter(6, Timestamp.from(now))
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    em.createNativeQuery(
            "update found_item set status = 'CLAIMED', status_changed_at = ?3"
                + " where id = ?1 and municipality_id = ?2")
        .setParameter(1, item)
        .setParameter(2, municipality)
        .setParameter(3, Timestamp.from(now))
        .executeUpdate();
    return true;
  }

  /** CLAIMED → HANDED_OVER; false if the item is not CLAIMED. */
  public boolean handOver(UUID municipality, UUID item, Instant now) {
    return em.createNativeQuery(
                "update found_item set status = 'HANDED_OVER', status_changed_at = ?3"
                    + " where id = ?1 and municipality_id = ?2 and status = 'CLAIMED'")
            .setParameter(1, item)
            .setParameter(2, municipality)
            .setParameter(3, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  /**
   * Marks FOUND items whose deadline lay before {@code today} for the finder or the municipality,
   * in one statement: of two nodes running it at once, the second finds the rows changed and skips
   * them (PostgreSQL re-checks the condition after the first commits), so each item is marked once.
   */
  public List<DueRow> markDeadlinesPassed(LocalDate today, Instant now, int limit) {
    return rows(
            em.createNativeQuery(
                    "update found_item i set status = case when i.finder_keeps then 'TO_FINDER' else 'TO_MUNICIPALITY' end,"
                        + " status_changed_at = ?2"
                        + " where i.id in (select id from found_item where status = 'FOUND' and deadline < ?1"
                        + "   order by deadline, id limit ?3 for update skip locked)"
                        + " and i.status = 'FOUND'"
                        + " returning i.id, i.municipality_id, i.status")
                .setParameter(1, today)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, limit))
        .stream()
        .map(r -> new DueRow((UUID) r[0], (UUID) r[1], (String) r[2]))
        .toList();
  }
}
