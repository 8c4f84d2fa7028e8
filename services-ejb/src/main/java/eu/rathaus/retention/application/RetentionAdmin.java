package eu.rathaus.retention.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.NativeRows;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.retention.domain.RetentionPeriods;
import eu.rathaus.retention.infrastructure.RetentionSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The municipal admin's side of retention ({@code /municipal/retention.xhtml}): the services with
 * their retention periods, changing a service's periods, what the engine will erase next and why
 * (its dry run), and how many drafts and cases were erased (the statistics that stay).
 *
 * <p>The municipality always comes from the caller's staff scope; {@code web.xml} limits the page
 * to {@code municipal-admin}.
 */
@ApplicationScoped
public class RetentionAdmin {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final int PLAN_LIMIT = 200;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject ErasureEngine engine;
  @Inject AuditLog audit;
  @Inject RetentionSql sql;

  Clock clock = Clock.systemUTC();

  /** Why a setting was refused: the field and the message key. */
  public record Problem(String field, String messageKey) {}

  /** Erased so far in the municipality. */
  public record ErasedCounts(long drafts, long cases) {
    public long getDrafts() {
      return drafts;
    }

    public long getCases() {
      return cases;
    }
  }

  /** The municipality's services (active and retired) with their retention, by title. */
  @Transactional
  @TenantScoped
  public List<ServiceRetention> services() {
    UUID municipality = municipality();
    List<ServiceRetention> result = new ArrayList<>();
    for (Object[] r :
        NativeRows.rows(
            em.createNativeQuery(
                    "select d.id, d.title_de, s.draft_months, s.case_months from service_definition d"
                        + " left join retention_setting s on s.municipality_id = d.municipality_id"
                        + " and s.definition_id = d.id where d.municipality_id = ?1"
                        + " order by d.title_de, d.id")
                .setParameter(1, municipality))) {
      result.add(
          new ServiceRetention(
              (UUID) r[0],
              (String) r[1],
              r[2] == null ? null : ((Number) r[2]).intValue(),
              r[3] == null ? null : ((Number) r[3]).intValue()));
    }
    return result;
  }

  /**
   * Sets a service's periods (null = platform default), audited. Returns the problems; nothing is
   * stored if there are any.
   */
  @Transactional
  @TenantScoped
  public List<Problem> save(UUID definitionId, Integer draftMonths, Integer caseMonths) {
    UUID municipality = municipality();
    List<Problem> problems = new ArrayList<>();
    if (!RetentionPeriods.validDraftMonths(draftMonths)) {
      problems.add(new Problem("draftMonths", "retention.setting.draftMonths.range"));
    }
    if (!RetentionPeriods.validCaseMonths(caseMonths)) {
      problems.add(new Problem("caseMonths", "retention.setting.caseMonths.range"));
    }
    boolean own =
        definitionId != null
            && !em.createNativeQuery(
                    "select 1 from service_definition where id = ?1 and municipality_id = ?2")
                .setParameter(1, definitionId)
                .setParameter(2, municipality)
                .getResultList()
                .isEmpty();
    if (!own) {
      problems.add(new Problem("service", "retention.setting.service.unknown"));
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    if (draftMonths == null && caseMonths == null) {
      em.createNativeQuery(
              "delete from retention_setting where municipality_id = ?1 and definition_id = ?2")
          .setParameter(1, municipality)
          .setParameter(2, definitionId)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "insert into retention_setting (municipality_id, definition_id, draft_months, case_months,"
                  + " updated_at, updated_by) values (?1, ?2, ?3, ?4, now(), ?5)"
                  + " on conflict (municipality_id, definition_id) do update set"
                  + " draft_months = excluded.draft_months, case_months = excluded.case_months,"
                  + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")
          .setParameter(1, municipality)
          .setParameter(2, definitionId)
          .setParameter(3, draftMonths)
          .setParameter(4, caseMonths)
          .setParameter(5, caller.get().subject())
          .executeUpdate();
    }
    audit.record(
        new AuditEvent(
            caller.get().subject(),
            "retention.setting.changed",
            "service_definition",
            definitionId.toString(),
            municipality,
            "draftMonths=" + draftMonths + " caseMonths=" + caseMonths));
    return List.of();
  }

  /**
   * The dry run: what the engine would erase in the municipality on {@code asOf} (today if null),
   * and which due cases it keeps and why. Erases nothing.
   */
  public List<PlannedErasure> plan(LocalDate asOf) {
    UUID municipality = municipality();
    LocalDate day = asOf == null ? today() : asOf;
    List<PlannedErasure> plan = new ArrayList<>(engine.drafts(municipality, day, true, PLAN_LIMIT));
    plan.addAll(engine.cases(municipality, day, true, PLAN_LIMIT));
    return plan;
  }

  /** How many drafts and cases the engine erased in the municipality. */
  @Transactional
  @TenantScoped
  public ErasedCounts erased() {
    UUID municipality = municipality();
    return new ErasedCounts(
        sql.erasedCount(municipality, ErasureEngine.DRAFT),
        sql.erasedCount(municipality, ErasureEngine.CASE));
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Retention settings are for the municipality's staff");
    }
    return scope.municipalityId();
  }
}
