package eu.rathaus.cases.infrastructure;

import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.applications.domain.CaseRecord;
import eu.rathaus.cases.domain.CaseEvent;
import eu.rathaus.cases.domain.CaseNote;
import eu.rathaus.cases.domain.CaseRepository;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.cases.domain.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * JPA implementation of {@link CaseRepository}. The inbox is native SQL: keyset pagination compares
 * row values ({@code (due_date, id) > (?, ?)}), which walks the V9 indexes straight to the page
 * instead of counting past an OFFSET — page 10,000 costs what page 1 costs.
 */
@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {

  private static final String OPEN = "('SUBMITTED','IN_REVIEW','WAITING_FOR_CITIZEN')";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public Optional<CaseRecord> find(UUID municipalityId, UUID caseId) {
    return em.createQuery("select c from CaseRecord c where c.id = :id and c.municipalityId = :m", CaseRecord.class)
        .setParameter("id", caseId)
        .setParameter("m", municipalityId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<CaseApplication> application(UUID municipalityId, UUID applicationId) {
    return em.createQuery("select a from CaseApplication a where a.id = :id and a.municipalityId = :m", CaseApplication.class)
        .setParameter("id", applicationId)
        .setParameter("m", municipalityId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<CaseRecord> lock(UUID municipalityId, UUID caseId) {
    return em.createQuery("select c from CaseRecord c where c.id = :id and c.municipalityId = :m", CaseRecord.class)
        .setParameter("id", caseId)
        .setParameter("m", municipalityId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<CaseRecord> lockOwn(String applicantSubject, UUID caseId) {
    return em.createQuery("select c from CaseRecord c where c.id = :id and c.applicantSubject = :s", CaseRecord.class)
        .setParameter("id", caseId)
        .setParameter("s", applicantSubject)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void addEvent(CaseEvent event) {
    em.persist(event);
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void addNote(CaseNote note) {
    em.persist(note);
  }

  @Override
  public List<CaseEvent> events(UUID caseId, boolean citizenVisibleOnly) {
    return em.createQuery("select e from CaseEvent e where e.caseId = :c"
                + (citizenVisibleOnly ? " and e.citizenVisible = true" : "") + " order by e.seq",
            CaseEvent.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  @Override
  public List<CaseNote> notes(UUID caseId) {
    return em.createQuery("select n from CaseNote n where n.caseId = :c order by n.writtenAt desc, n.id", CaseNote.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  @Override
  public Optional<StaffMember> staffMember(UUID municipalityId, String subject) {
    return Optional.ofNullable(em.find(StaffMember.class, new StaffMember.Key(municipalityId, subject)));
  }

  @Override
  public void addStaffMember(StaffMember member) {
    em.persist(member);
  }

  @Override
  public List<StaffMember> staff(UUID municipalityId) {
    return em.createQuery("select s from StaffMember s where s.municipalityId = :m order by s.displayName", StaffMember.class)
        .setParameter("m", municipalityId)
        .setMaxResults(500)
        .getResultList();
  }

  @Override
  public List<InboxEntry> inbox(UUID municipalityId, InboxFilter f, LocalDate today, int limit) {
    StringBuilder sql = new StringBuilder(
        "select c.id, c.reference_number, c.applicant_name, d.title_de, d.title_en, c.status, c.submitted_at,"
            + " c.due_date, c.assignee_subject, c.assignee_name"
            + " from case_record c join service_definition d on d.id = c.definition_id"
            + " where c.municipality_id = :m");
    List<Object[]> params = new ArrayList<>();
    params.add(new Object[] {"m", municipalityId});
    if (f.serviceId() != null) {
      sql.append(" and c.definition_id = :service");
      params.add(new Object[] {"service", f.serviceId()});
    }
    if (f.status() != null) {
      sql.append(" and c.status = :status");
      params.add(new Object[] {"status", f.status().name()});
    }
    if (f.unassigned()) {
      sql.append(" and c.assignee_subject is null and c.status in ").append(OPEN);
    } else if (f.assigneeSubject() != null) {
      sql.append(" and c.assignee_subject = :assignee");
      params.add(new Object[] {"assignee", f.assigneeSubject()});
    }
    if (f.overdue()) {
      sql.append(" and c.status in ('SUBMITTED','IN_REVIEW') and c.due_date < :today");
      params.add(new Object[] {"today", Date.valueOf(today)});
    }
    if (f.submittedFrom() != null) {
      sql.append(" and c.submitted_at >= :from");
      params.add(new Object[] {"from", Timestamp.from(f.submittedFrom())});
    }
    if (f.submittedUntil() != null) {
      sql.append(" and c.submitted_at < :until");
      params.add(new Object[] {"until", Timestamp.from(f.submittedUntil())});
    }
    if (f.search() != null) {
      // A reference number (or its beginning) or the beginning of the applicant's name.
      String reference = f.search().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
      String escaped = f.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      sql.append(" and (lower(c.applicant_name) like :namePrefix escape '\\'");
      params.add(new Object[] {"namePrefix", escaped.toLowerCase(java.util.Locale.ROOT) + "%"});
      if (reference.length() >= 3) {
        sql.append(" or c.reference_number like :refPrefix");
        params.add(new Object[] {"refPrefix", reference + "%"});
      }
      sql.append(")");
    }
    String column = f.sort() == InboxSort.DUE ? "c.due_date" : "c.submitted_at";
    // DUE runs ascending (nearest deadline first), SUBMITTED descending (newest first); going
    // backwards (previous page) flips both the comparison and the order, and the caller reverses.
    boolean ascending = (f.sort() == InboxSort.DUE) != f.backwards();
    if (f.keyValue() != null && f.keyId() != null) {
      sql.append(" and (").append(column).append(", c.id) ").append(ascending ? ">" : "<").append(" (:key, :keyId)");
      params.add(new Object[] {"key", f.keyValue() instanceof LocalDate d ? Date.valueOf(d) : Timestamp.from((Instant) f.keyValue())});
      params.add(new Object[] {"keyId", f.keyId()});
    }
    String direction = ascending ? " asc" : " desc";
    sql.append(" order by ").append(column).append(direction).append(", c.id").append(direction).append(" limit :limit");
    Query query = em.createNativeQuery(sql.toString());
    for (Object[] p : params) {
      query.setParameter((String) p[0], p[1]);
    }
    query.setParameter("limit", limit);
    List<InboxEntry> rows = new ArrayList<>();
    for (Object o : query.getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(new InboxEntry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
          CaseStatus.valueOf((String) r[5]), instant(r[6]), localDate(r[7]), (String) r[8], (String) r[9]));
    }
    return rows;
  }

  @Override
  public Map<CaseStatus, Long> countByStatus(UUID municipalityId) {
    Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
    for (CaseStatus s : CaseStatus.values()) {
      counts.put(s, 0L);
    }
    List<Object[]> rows = em.createQuery(
            "select c.status, count(c) from CaseRecord c where c.municipalityId = :m group by c.status", Object[].class)
        .setParameter("m", municipalityId)
        .getResultList();
    for (Object[] r : rows) {
      counts.put((CaseStatus) r[0], (Long) r[1]);
    }
    return counts;
  }

  @Override
  public long countAssignedTo(UUID municipalityId, String subject) {
    return em.createQuery("select count(c) from CaseRecord c where c.municipalityId = :m and c.assigneeSubject = :s"
            + " and c.status in :open", Long.class)
        .setParameter("m", municipalityId)
        .setParameter("s", subject)
        .setParameter("open", List.of(CaseStatus.SUBMITTED, CaseStatus.IN_REVIEW, CaseStatus.WAITING_FOR_CITIZEN))
        .getSingleResult();
  }

  @Override
  public long countUnassignedOpen(UUID municipalityId) {
    return em.createQuery("select count(c) from CaseRecord c where c.municipalityId = :m and c.assigneeSubject is null"
            + " and c.status in :open", Long.class)
        .setParameter("m", municipalityId)
        .setParameter("open", List.of(CaseStatus.SUBMITTED, CaseStatus.IN_REVIEW, CaseStatus.WAITING_FOR_CITIZEN))
        .getSingleResult();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value);
  }

  private static LocalDate localDate(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toLocalDate();
    }
    throw new IllegalStateException("Unexpected date type " + value);
  }
}
