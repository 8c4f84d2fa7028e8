package eu.rathaus.retention.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.retention.domain.CaseFacts;
import eu.rathaus.retention.domain.RetentionPeriods;
import eu.rathaus.retention.domain.RetentionRules;
import eu.rathaus.retention.domain.Verdict;
import eu.rathaus.retention.infrastructure.RetentionSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one erasure engine (issue 15): the scheduled job, the admin's dry run and erasure on request
 * all go through it. It finds what is due with {@link RetentionSql}, decides with {@link
 * RetentionRules} and, unless it is a dry run, erases — personal data removed or pseudonymised,
 * files and notices crypto-shredded, a row in {@code retention_erasure} for the statistics and an
 * audit entry that names only ids and the pseudonym.
 *
 * <p>Each public method is one transaction of its own in the database scope {@code retention}.
 * Claimed rows are locked with {@code SKIP LOCKED} and no longer match once erased, so several
 * nodes running the job at once erase each row once.
 */
@ApplicationScoped
public class ErasureEngine {

  static final String ACTOR = "system:retention";
  public static final String DRAFT = "DRAFT";
  public static final String CASE = "CASE";
  static final String SCHEDULE = "SCHEDULE";
  static final String REQUEST = "REQUEST";

  @Inject RetentionSql sql;
  @Inject AuditLog audit;

  /**
   * Drafts due on {@code asOf} in one municipality (all if null): erased unless {@code dryRun}.
   * Returns what was (or would be) erased.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<PlannedErasure> drafts(UUID municipality, LocalDate asOf, boolean dryRun, int limit) {
    sql.enterScope();
    List<PlannedErasure> result = new ArrayList<>();
    for (RetentionSql.DraftRow d : sql.dueDrafts(municipality, asOf, limit, !dryRun)) {
      Verdict verdict =
          RetentionRules.draft(d.lastTouched(), RetentionPeriods.of(d.draftMonths(), null), asOf);
      result.add(new PlannedErasure(DRAFT, d.id(), null, d.serviceTitle(), verdict, null));
      if (!dryRun && verdict.erase()) {
        eraseDraft(d.id(), d.municipalityId(), d.definitionId(), verdict, SCHEDULE);
      }
    }
    return result;
  }

  /**
   * Cases due on {@code asOf} in one municipality (all if null): erased unless {@code dryRun}. A
   * dry run also lists the cases a legal hold or a booked payment keeps, with that reason.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<PlannedErasure> cases(UUID municipality, LocalDate asOf, boolean dryRun, int limit) {
    sql.enterScope();
    List<PlannedErasure> result = new ArrayList<>();
    for (RetentionSql.CaseRow c :
        sql.dueCases(
            municipality, asOf, RetentionRules.bookedPaymentCutoff(asOf), limit, !dryRun, dryRun)) {
      Verdict verdict = RetentionRules.scheduled(facts(c), periods(c), asOf);
      result.add(
          new PlannedErasure(
              CASE, c.id(), c.referenceNumber(), c.serviceTitle(), verdict, c.legalHoldReason()));
      if (!dryRun && verdict.erase()) {
        eraseCase(c, verdict, SCHEDULE);
      }
    }
    return result;
  }

  /** The job's drafts step: how many were erased. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int eraseDueDrafts(LocalDate today, int batch) {
    return (int) drafts(null, today, false, batch).stream().filter(PlannedErasure::isErase).count();
  }

  /** The job's cases step: how many were erased. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int eraseDueCases(LocalDate today, int batch) {
    return (int) cases(null, today, false, batch).stream().filter(PlannedErasure::isErase).count();
  }

  /**
   * Erasure on request (Art. 17) of everything of {@code subject} in {@code municipality} except
   * the request case itself: drafts go, each case by {@link RetentionRules#requested}; what the law
   * requires to keep stays, with its reason.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<PlannedErasure> request(
      UUID municipality, String subject, UUID requestCaseId, LocalDate today) {
    sql.enterScope();
    List<PlannedErasure> result = new ArrayList<>();
    for (UUID draft : sql.draftsOf(municipality, subject)) {
      Verdict verdict = Verdict.erase(Verdict.Reason.REQUESTED, today);
      eraseDraft(draft, municipality, null, verdict, REQUEST);
      result.add(new PlannedErasure(DRAFT, draft, null, null, verdict, null));
    }
    boolean everythingErased = true;
    for (RetentionSql.CaseRow c : sql.casesOf(municipality, subject)) {
      if (c.id().equals(requestCaseId)) {
        continue;
      }
      Verdict verdict = RetentionRules.requested(facts(c), periods(c), today);
      result.add(
          new PlannedErasure(
              CASE, c.id(), c.referenceNumber(), c.serviceTitle(), verdict, c.legalHoldReason()));
      if (verdict.erase()) {
        eraseCase(c, verdict, REQUEST);
      } else {
        everythingErased = false;
      }
    }
    if (everythingErased) {
      String pseudonym = pseudonym(requestCaseId);
      RetentionSql.Erased rest = sql.eraseRest(municipality, subject, pseudonym);
      audit.record(
          new AuditEvent(
              ACTOR,
              "retention.person.erased",
              "case_record",
              requestCaseId.toString(),
              municipality,
              "pseudonym="
                  + pseudonym
                  + " files="
                  + rest.filesShredded()
                  + " rows="
                  + rest.rowsChanged()));
    }
    return result;
  }

  private void eraseDraft(
      UUID draftId, UUID municipality, UUID definitionId, Verdict verdict, String trigger) {
    String pseudonym = pseudonym(draftId);
    RetentionSql.Erased erased = sql.eraseDraft(draftId);
    record(DRAFT, draftId, municipality, definitionId, pseudonym, verdict, trigger, erased);
  }

  private void eraseCase(RetentionSql.CaseRow c, Verdict verdict, String trigger) {
    String pseudonym = pseudonym(c.id());
    RetentionSql.Erased erased = sql.eraseCase(c.id(), pseudonym);
    record(CASE, c.id(), c.municipalityId(), c.definitionId(), pseudonym, verdict, trigger, erased);
  }

  /** The erasure log row (statistics) and the audit entry: ids, pseudonym and rule only. */
  private void record(
      String kind,
      UUID id,
      UUID municipality,
      UUID definitionId,
      String pseudonym,
      Verdict verdict,
      String trigger,
      RetentionSql.Erased erased) {
    sql.log(
        municipality, definitionId, kind, id, pseudonym, trigger, verdict.reason().name(), erased);
    boolean isCase = CASE.equals(kind);
    audit.record(
        new AuditEvent(
            ACTOR,
            isCase ? "retention.case.erased" : "retention.draft.erased",
            isCase ? "case_record" : "application_draft",
            id.toString(),
            municipality,
            details(pseudonym, trigger, verdict, erased)));
  }

  private static String details(
      String pseudonym, String trigger, Verdict verdict, RetentionSql.Erased erased) {
    return "pseudonym="
        + pseudonym
        + " trigger="
        + trigger
        + " rule="
        + verdict.reason()
        + (verdict.dueOn() == null ? "" : " due=" + verdict.dueOn())
        + " filesShredded="
        + erased.filesShredded()
        + " rows="
        + erased.rowsChanged();
  }

  /**
   * The name an erased person's rows carry from now on: derived from the object, not the person.
   */
  static String pseudonym(UUID objectId) {
    return "erased:" + objectId;
  }

  private static CaseFacts facts(RetentionSql.CaseRow c) {
    boolean ended =
        switch (c.status()) {
          case "APPROVED", "REJECTED", "CLOSED", "WITHDRAWN" -> true;
          default -> false;
        };
    return new CaseFacts(
        ended,
        "WITHDRAWN".equals(c.status()),
        ended ? c.endedOn() : null,
        c.legalHoldReason() != null,
        c.lastBookedOn());
  }

  private static RetentionPeriods periods(RetentionSql.CaseRow c) {
    return RetentionPeriods.of(null, c.caseMonths());
  }
}
