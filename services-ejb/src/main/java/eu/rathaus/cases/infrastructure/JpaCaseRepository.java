package eu.rathaus.cases.infrastructure;

import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.cases.domain.CaseEvent;
import eu.rathaus.cases.domain.CaseNote;
import eu.rathaus.cases.domain.CaseRecord;
import eu.rathaus.cases.domain.CaseRepository;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.cases.domain.StaffMember;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * JPA implementation of {@link CaseRepository}. The inbox and its counters are native SQL built by
 * {@link InboxSql} (keyset pagination: page 10,000 costs what page 1 costs), shared with the inbox
 * benchmark so that what is measured at a million cases is exactly what the portal runs.
 */
@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;

  /**
   * Staff see a case reserved for a staff role (V65) only when they hold it; row-level security
   * checks the same again.
   */
  private boolean visible(CaseRecord c) {
    TenantScope scope = caller.get();
    return scope.kind() != TenantScope.Kind.STAFF || c.workableBy(scope.roles());
  }

  private Set<String> staffRoles() {
    TenantScope scope = caller.get();
    return scope.kind() == TenantScope.Kind.STAFF ? scope.roles() : Set.of();
  }

  @Override
  public Optional<CaseRecord> find(UUID municipalityId, UUID caseId) {
    return em.createQuery(
            "select c from CaseRecord c where c.id = :id and c.municipalityId = :m",
            CaseRecord.class)
        .setParameter("id", caseId)
        .setParameter("m", municipalityId)
        .getResultStream()
        .filter(this::visible)
        .findFirst();
  }

  @Override
  public Optional<CaseRecord> ofApplication(UUID applicationId) {
    return em.createQuery("select c from CaseRecord c where c.applicationId = :a", CaseRecord.class)
        .setParameter("a", applicationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(CaseRecord caseRecord) {
    em.persist(caseRecord);
  }

  @Override
  public Optional<CaseApplication> application(UUID municipalityId, UUID applicationId) {
    return em.createQuery(
            "select a from CaseApplication a where a.id = :id and a.municipalityId = :m",
            CaseApplication.class)
        .setParameter("id", applicationId)
        .setParameter("m", municipalityId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<CaseRecord> lock(UUID municipalityId, UUID caseId) {
    return em.createQuery(
            "select c from CaseRecord c where c.id = :id and c.municipalityId = :m",
            CaseRecord.class)
        .setParameter("id", caseId)
        .setParameter("m", municipalityId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .filter(this::visible)
        .findFirst();
  }

  @Override
  public Optional<CaseRecord> lockOwn(String applicantSubject, UUID caseId) {
    return em.createQuery(
            "select c from CaseRecord c where c.id = :id and c.applicantSubject = :s",
            CaseRecord.class)
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
    return em.createQuery(
            "select e from CaseEvent e where e.caseId = :c"
                + (citizenVisibleOnly ? " and e.citizenVisible = true" : "")
                + " order by e.seq",
            CaseEvent.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  @Override
  public List<CaseNote> notes(UUID caseId) {
    return em.createQuery(
            "select n from CaseNote n where n.caseId = :c order by n.writtenAt desc, n.id",
            CaseNote.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  @Override
  public Optional<StaffMember> staffMember(UUID municipalityId, String subject) {
    return Optional.ofNullable(
        em.find(StaffMember.class, new StaffMember.Key(municipalityId, subject)));
  }

  @Override
  public void addStaffMember(StaffMember member) {
    em.persist(member);
  }

  @Override
  public List<StaffMember> staff(UUID municipalityId) {
    return em.createQuery(
            "select s from StaffMember s where s.municipalityId = :m order by s.displayName",
            StaffMember.class)
        .setParameter("m", municipalityId)
        .setMaxResults(500)
        .getResultList();
  }

  @Override
  public List<InboxEntry> inbox(UUID municipalityId, InboxFilter f, LocalDate today, int limit) {
    List<InboxEntry> rows = new ArrayList<>();
    for (Object o :
        query(InboxSql.page(municipalityId, f, today, limit, staffRoles())).getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(
          new InboxEntry(
              (UUID) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              CaseStatus.valueOf((String) r[5]),
              instant(r[6]),
              localDate(r[7]),
              (String) r[8],
              (String) r[9]));
    }
    return rows;
  }

  @Override
  public Map<CaseStatus, Long> countByStatus(UUID municipalityId) {
    Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
    for (CaseStatus s : CaseStatus.values()) {
      counts.put(s, 0L);
    }
    for (Object o : query(InboxSql.countByStatus(municipalityId, staffRoles())).getResultList()) {
      Object[] r = (Object[]) o;
      counts.put(CaseStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
    }
    return counts;
  }

  @Override
  public long countAssignedTo(UUID municipalityId, String subject) {
    return ((Number) query(InboxSql.countAssignedTo(municipalityId, subject)).getSingleResult())
        .longValue();
  }

  @Override
  public long countUnassignedOpen(UUID municipalityId) {
    return ((Number)
            query(InboxSql.countUnassignedOpen(municipalityId, staffRoles())).getSingleResult())
        .longValue();
  }

  /**
   * The inbox's SQL as a native query: the text {@link InboxSql} builds, which the benchmark runs
   * too.
   */
  private Query query(InboxSql.Statement statement) {
    Query query = em.createNativeQuery(statement.sql());
    for (InboxSql.Parameter p : statement.parameters()) {
      query.setParameter(p.name(), p.value());
    }
    return query;
  }

  private static Instant instant(Object value) {
    return eu.rathaus.kernel.SqlValues.instant(value);
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
