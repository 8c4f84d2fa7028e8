package eu.rathaus.registers.lostproperty.infrastructure;

import static eu.rathaus.kernel.NativeRows.date;
import static eu.rathaus.kernel.NativeRows.instant;
import static eu.rathaus.kernel.NativeRows.rows;

import eu.rathaus.registers.lostproperty.domain.Claim;
import eu.rathaus.registers.lostproperty.domain.FoundItem;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.ItemPhoto;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  public record DueRow(UUID id, UUID municipalityId, String status, LocalDate foundOn) {}

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

  /** A photo of an item, stored (V63) with the attachment that holds its re-encoded bytes. */
  public void insertPhoto(
      UUID id,
      UUID municipality,
      UUID item,
      UUID attachment,
      boolean isPublic,
      String altText,
      String createdBy) {
    em.createNativeQuery(
            "insert into found_item_photo (id, municipality_id, found_item_id, attachment_id, is_public, alt_text, created_by)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, id)
        .setParameter(2, municipality)
        .setParameter(3, item)
        .setParameter(4, attachment)
        .setParameter(5, isPublic)
        .setParameter(6, altText)
        .setParameter(7, createdBy)
        .executeUpdate();
  }

  /** How many photos an item has; locks the item's row so two uploads at once count each other. */
  public long lockAndCountPhotos(UUID municipality, UUID item) {
    em.createNativeQuery(
            "select 1 from found_item where id = ?1 and municipality_id = ?2 for update")
        .setParameter(1, item)
        .setParameter(2, municipality)
        .getResultList();
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from found_item_photo where found_item_id = ?1 and municipality_id = ?2")
                .setParameter(1, item)
                .setParameter(2, municipality)
                .getSingleResult())
        .longValue();
  }

  /** Shows or hides a photo of the municipality; false if there is no such photo. */
  public boolean setPhotoPublic(UUID municipality, UUID photo, boolean isPublic) {
    return em.createNativeQuery(
                "update found_item_photo set is_public = ?3 where id = ?1 and municipality_id = ?2")
            .setParameter(1, photo)
            .setParameter(2, municipality)
            .setParameter(3, isPublic)
            .executeUpdate()
        == 1;
  }

  /**
   * The photos of the given items that the caller's scope sees (staff: all of their municipality's;
   * anyone else: the public photos of items still FOUND, V63), by item, oldest first. {@code
   * publicOnly} also filters in the query, so a staff member's public search shows what a visitor
   * sees.
   */
  public Map<UUID, List<ItemPhoto>> photos(Collection<UUID> items, boolean publicOnly) {
    Map<UUID, List<ItemPhoto>> byItem = new LinkedHashMap<>();
    if (items.isEmpty()) {
      return byItem;
    }
    rows(em.createNativeQuery(
                "select p.id, p.found_item_id, p.is_public, p.alt_text from found_item_photo p"
                    + " where p.found_item_id = any(cast(?1 as uuid[]))"
                    + (publicOnly
                        ? " and p.is_public and exists (select 1 from found_item i"
                            + " where i.id = p.found_item_id and i.status = 'FOUND')"
                        : "")
                    + " order by p.created_at, p.id")
            .setParameter(
                1,
                items.stream()
                    .map(UUID::toString)
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"))))
        .forEach(
            r ->
                byItem
                    .computeIfAbsent((UUID) r[1], k -> new ArrayList<>())
                    .add(new ItemPhoto((UUID) r[0], (UUID) r[1], (Boolean) r[2], (String) r[3])));
    return byItem;
  }

  /** The attachment of one of the municipality's photos, public or not. */
  public Optional<UUID> photoAttachment(UUID municipality, UUID photo) {
    return rows(
            em.createNativeQuery(
                    "select attachment_id, 1 from found_item_photo where id = ?1 and municipality_id = ?2")
                .setParameter(1, photo)
                .setParameter(2, municipality))
        .stream()
        .map(r -> (UUID) r[0])
        .findFirst();
  }

  /**
   * The attachment of a public photo of an item that is still FOUND (the same as the V63 policy
   * says, said again here so that no scope can widen it), or empty.
   */
  public Optional<UUID> publicPhotoAttachment(UUID photo) {
    return rows(
            em.createNativeQuery(
                    "select p.attachment_id, p.found_item_id from found_item_photo p join found_item i on i.id = p.found_item_id"
                        + " where p.id = ?1 and p.is_public and i.status = 'FOUND'")
                .setParameter(1, photo))
        .stream()
        .map(r -> (UUID) r[0])
        .findFirst();
  }

  /** What a confirmed claim needs to know of the loss report: its application and applicant. */
  public record ClaimContext(UUID applicationId, String applicantSubject, String reference) {}

  public Optional<ClaimContext> claimContext(UUID municipality, UUID caseId) {
    return rows(
            em.createNativeQuery(
                    "select a.id, a.applicant_subject, a.reference_number from case_record c"
                        + " join case_application a on a.id = c.application_id"
                        + " where c.id = ?1 and c.municipality_id = ?2")
                .setParameter(1, caseId)
                .setParameter(2, municipality))
        .stream()
        .map(r -> new ClaimContext((UUID) r[0], (String) r[1], (String) r[2]))
        .findFirst();
  }

  /** The fee the municipality charges for handing an item back, in cents (0: none). */
  public long claimFeeCents(UUID municipality) {
    // A list, not a stream's findFirst: the column is null where no fee was ever set, and
    // findFirst refuses a null element.
    List<?> fee =
        em.createNativeQuery("select lost_property_claim_fee_cents from municipality where id = ?1")
            .setParameter(1, municipality)
            .getResultList();
    return fee.isEmpty() || fee.get(0) == null ? 0 : ((Number) fee.get(0)).longValue();
  }

  /** Sets the municipality's fee for handing items back (row-level security: own row only). */
  public boolean setMunicipalityClaimFee(UUID municipality, long cents) {
    return em.createNativeQuery(
                "update municipality set lost_property_claim_fee_cents = ?2 where id = ?1")
            .setParameter(1, municipality)
            .setParameter(2, (int) cents)
            .executeUpdate()
        == 1;
  }

  /** Notes the fee and its payment request on the item's claim. */
  public void setClaimFee(UUID item, long feeCents, UUID paymentRequest) {
    em.createNativeQuery(
            "update found_item_claim set fee_cents = ?2, payment_request_id = ?3 where found_item_id = ?1")
        .setParameter(1, item)
        .setParameter(2, (int) feeCents)
        .setParameter(3, paymentRequest)
        .executeUpdate();
  }

  private static final String CLAIM_SELECT =
      "select m.case_id, a.reference_number, i.id, i.category, i.description, i.kept_at, i.status,"
          + " m.proof_text, m.proof_submitted_at, m.fee_cents, p.state, m.handover_at, m.handover_place,"
          + " a.id, m.municipality_id, m.proof_attachment_id, f.display_name"
          + " from found_item_claim m join found_item i on i.id = m.found_item_id"
          + " join case_record c on c.id = m.case_id join case_application a on a.id = c.application_id"
          + " left join payment_request p on p.id = m.payment_request_id"
          + " left join attachment f on f.id = m.proof_attachment_id";

  /** The claim of a loss report, as the caller's scope sees it (owner or staff). */
  public Optional<Claim> claimOfCase(UUID caseId) {
    return rows(
            em.createNativeQuery(CLAIM_SELECT + " where m.case_id = ?1").setParameter(1, caseId))
        .stream()
        .map(LostPropertySql::claim)
        .findFirst();
  }

  /** The claim of an item of the municipality. */
  public Optional<Claim> claimOfItem(UUID municipality, UUID item) {
    return rows(
            em.createNativeQuery(
                    CLAIM_SELECT + " where m.found_item_id = ?1 and m.municipality_id = ?2")
                .setParameter(1, item)
                .setParameter(2, municipality))
        .stream()
        .map(LostPropertySql::claim)
        .findFirst();
  }

  /** The municipality's claims whose item is not handed over yet, oldest first. */
  public List<Claim> openClaims(UUID municipality, int limit) {
    return rows(
            em.createNativeQuery(
                    CLAIM_SELECT
                        + " where m.municipality_id = ?1 and i.status = 'CLAIMED' order by m.confirmed_at, m.id")
                .setParameter(1, municipality)
                .setMaxResults(limit))
        .stream()
        .map(LostPropertySql::claim)
        .toList();
  }

  private static Claim claim(Object[] r) {
    return new Claim(
        (UUID) r[0],
        (String) r[1],
        (UUID) r[2],
        category(r[3]),
        (String) r[4],
        (String) r[5],
        ItemStatus.valueOf((String) r[6]),
        (String) r[7],
        r[8] == null ? null : instant(r[8]),
        ((Number) r[9]).longValue(),
        (String) r[10],
        r[11] == null ? null : instant(r[11]),
        (String) r[12],
        (UUID) r[13],
        (UUID) r[14],
        (UUID) r[15],
        (String) r[16]);
  }

  /** The owner's proof, once, while the item is CLAIMED; false otherwise. */
  public boolean saveProof(UUID caseId, String text, Instant now) {
    return em.createNativeQuery(
                "update found_item_claim m set proof_text = ?2, proof_submitted_at = ?3 where m.case_id = ?1"
                    + " and exists (select 1 from found_item i where i.id = m.found_item_id and i.status = 'CLAIMED')")
            .setParameter(1, caseId)
            .setParameter(2, text)
            .setParameter(3, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  /** The file of the owner's proof (V72), while the item is CLAIMED; false otherwise. */
  public boolean saveProofFile(UUID caseId, UUID attachment) {
    return em.createNativeQuery(
                "update found_item_claim m set proof_attachment_id = ?2 where m.case_id = ?1"
                    + " and exists (select 1 from found_item i where i.id = m.found_item_id and i.status = 'CLAIMED')")
            .setParameter(1, caseId)
            .setParameter(2, attachment)
            .executeUpdate()
        == 1;
  }

  /** The handover appointment of a claimed item of the municipality; false if none is CLAIMED. */
  public boolean scheduleHandover(UUID municipality, UUID item, Instant at, String place) {
    return em.createNativeQuery(
                "update found_item_claim m set handover_at = ?3, handover_place = ?4"
                    + " where m.found_item_id = ?1 and m.municipality_id = ?2"
                    + " and exists (select 1 from found_item i where i.id = m.found_item_id and i.status = 'CLAIMED')")
            .setParameter(1, item)
            .setParameter(2, municipality)
            .setParameter(3, Timestamp.from(at))
            .setParameter(4, place)
            .executeUpdate()
        == 1;
  }

  /** Notes who handed the item over. */
  public void noteHandedOverBy(UUID item, String clerk) {
    em.createNativeQuery("update found_item_claim set handed_over_by = ?2 where found_item_id = ?1")
        .setParameter(1, item)
        .setParameter(2, clerk)
        .executeUpdate();
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
                        + " returning i.id, i.municipality_id, i.status, i.found_on")
                .setParameter(1, today)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, limit))
        .stream()
        .map(r -> new DueRow((UUID) r[0], (UUID) r[1], (String) r[2], date(r[3])))
        .toList();
  }
}
