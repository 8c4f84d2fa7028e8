package eu.rathaus.retention.infrastructure;

import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.NativeRows;
import eu.rathaus.retention.domain.RetentionPeriods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The erasure engine's SQL. Every method runs inside the caller's transaction after {@link
 * #enterScope} set the database scope {@code retention} (V53): the one scope whose policies reach
 * drafts, attachments, notices and the mailbox of every municipality. It is set only here, by the
 * engine, on its own transactions.
 *
 * <p>The due-date arithmetic is the same as {@link eu.rathaus.retention.domain.RetentionRules}:
 * dates in Europe/Berlin plus whole months (PostgreSQL clamps month ends as {@code
 * LocalDate.plusMonths} does); the engine checks every row with the rules again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RetentionSql {

  static final String ZONE = "Europe/Berlin";
  private static final String ERASED_EMAIL = "erased@invalid";
  private static final String ERASED_TEXT = "–";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope tenantScope;

  /** A draft and what its period is. */
  public record DraftRow(
      UUID id,
      UUID municipalityId,
      UUID definitionId,
      String serviceTitle,
      LocalDate lastTouched,
      Integer draftMonths) {}

  /** A case and what the rules need of it. */
  public record CaseRow(
      UUID id,
      UUID municipalityId,
      UUID definitionId,
      String serviceTitle,
      String referenceNumber,
      String status,
      LocalDate endedOn,
      String legalHoldReason,
      Integer caseMonths,
      LocalDate lastBookedOn,
      String applicantSubject) {}

  /** What one erasure changed. */
  public record Erased(int filesShredded, int rowsChanged) {}

  public void enterScope() {
    em.createNativeQuery(
            "select set_config('rathaus.scope', 'retention', true),"
                + " set_config('rathaus.municipality', '', true),"
                + " set_config('rathaus.subject', 'system:retention', true)")
        .getSingleResult();
    tenantScope.writtenElsewhere();
  }

  /**
   * Drafts due on {@code asOf} (of one municipality, or all if null), oldest first; with {@code
   * lock} the rows are claimed ({@code FOR UPDATE SKIP LOCKED}) so another node takes others.
   */
  public List<DraftRow> dueDrafts(UUID municipality, LocalDate asOf, int limit, boolean lock) {
    Query q =
        em.createNativeQuery(
                "select d.id, d.municipality_id, d.definition_id, sd.title_de,"
                    + " (d.updated_at at time zone '"
                    + ZONE
                    + "')::date, s.draft_months"
                    + " from application_draft d"
                    + " join service_definition sd on sd.id = d.definition_id"
                    + " left join retention_setting s on s.municipality_id = d.municipality_id"
                    + " and s.definition_id = d.definition_id"
                    + " where (cast(?1 as uuid) is null or d.municipality_id = cast(?1 as uuid))"
                    + " and ((d.updated_at at time zone '"
                    + ZONE
                    + "')::date + make_interval(months => coalesce(s.draft_months, ?2)))::date <= ?3"
                    + " order by d.updated_at, d.id limit ?4"
                    + (lock ? " for update of d skip locked" : ""))
            .setParameter(1, municipality == null ? null : municipality.toString())
            .setParameter(2, RetentionPeriods.PLATFORM.draftMonths())
            .setParameter(3, asOf)
            .setParameter(4, limit);
    List<DraftRow> rows = new ArrayList<>();
    for (Object[] r : NativeRows.rows(q)) {
      rows.add(
          new DraftRow(
              (UUID) r[0],
              (UUID) r[1],
              (UUID) r[2],
              (String) r[3],
              NativeRows.date(r[4]),
              r[5] == null ? null : ((Number) r[5]).intValue()));
    }
    return rows;
  }

  private static final String CASE_COLUMNS =
      "select c.id, c.municipality_id, c.definition_id, sd.title_de, c.reference_number, c.status,"
          + " (coalesce(c.decided_at, c.changed_at, c.submitted_at) at time zone '"
          + ZONE
          + "')::date, c.legal_hold_reason, s.case_months,"
          + " (select max((p.paid_at at time zone '"
          + ZONE
          + "')::date) from payment_request p where p.application_id = c.application_id"
          + " and p.paid_at is not null), c.applicant_subject"
          + " from case_record c"
          + " join service_definition sd on sd.id = c.definition_id"
          + " left join retention_setting s on s.municipality_id = c.municipality_id"
          + " and s.definition_id = c.definition_id";

  /**
   * Ended cases whose period is over on {@code asOf}, oldest first. {@code includeKept} adds those
   * a legal hold or a booked payment keeps (for the admin's view of why); the job never asks for
   * them, so the rows it claims are the rows it erases.
   */
  public List<CaseRow> dueCases(
      UUID municipality,
      LocalDate asOf,
      LocalDate paymentCutoff,
      int limit,
      boolean lock,
      boolean includeKept) {
    Query q =
        em.createNativeQuery(
                CASE_COLUMNS
                    + " where c.erased_at is null"
                    + " and c.status in ('APPROVED', 'REJECTED', 'CLOSED', 'WITHDRAWN')"
                    + " and (cast(?1 as uuid) is null or c.municipality_id = cast(?1 as uuid))"
                    + " and ((coalesce(c.decided_at, c.changed_at, c.submitted_at) at time zone '"
                    + ZONE
                    + "')::date + make_interval(months => coalesce(s.case_months, ?2)))::date <= ?3"
                    + (includeKept
                        ? ""
                        : " and c.legal_hold_at is null and not exists (select 1 from payment_request p"
                            + " where p.application_id = c.application_id and p.paid_at is not null"
                            + " and (p.paid_at at time zone '"
                            + ZONE
                            + "')::date >= ?5)")
                    + " order by coalesce(c.decided_at, c.changed_at, c.submitted_at), c.id limit ?4"
                    + (lock ? " for update of c skip locked" : ""))
            .setParameter(1, municipality == null ? null : municipality.toString())
            .setParameter(2, RetentionPeriods.PLATFORM.caseMonths())
            .setParameter(3, asOf)
            .setParameter(4, limit);
    if (!includeKept) {
      q.setParameter(5, paymentCutoff);
    }
    return caseRows(q);
  }

  /** The cases of one person in one municipality that are not erased yet, locked. */
  public List<CaseRow> casesOf(UUID municipality, String subject) {
    return caseRows(
        em.createNativeQuery(
                CASE_COLUMNS
                    + " where c.erased_at is null and c.municipality_id = ?1"
                    + " and c.applicant_subject = ?2 order by c.submitted_at, c.id for update of c")
            .setParameter(1, municipality)
            .setParameter(2, subject));
  }

  /** One case, locked, if not erased yet. */
  public List<CaseRow> caseForUpdate(UUID caseId) {
    return caseRows(
        em.createNativeQuery(
                CASE_COLUMNS + " where c.id = ?1 and c.erased_at is null for update of c")
            .setParameter(1, caseId));
  }

  /** The drafts of one person in one municipality, locked. */
  public List<UUID> draftsOf(UUID municipality, String subject) {
    List<UUID> ids = new ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "select id from application_draft where municipality_id = ?1 and applicant_subject = ?2"
                    + " order by id for update")
            .setParameter(1, municipality)
            .setParameter(2, subject)
            .getResultList()) {
      ids.add((UUID) id);
    }
    return ids;
  }

  private List<CaseRow> caseRows(Query q) {
    List<CaseRow> rows = new ArrayList<>();
    for (Object[] r : NativeRows.rows(q)) {
      rows.add(
          new CaseRow(
              (UUID) r[0],
              (UUID) r[1],
              (UUID) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              NativeRows.date(r[6]),
              (String) r[7],
              r[8] == null ? null : ((Number) r[8]).intValue(),
              r[9] == null ? null : NativeRows.date(r[9]),
              (String) r[10]));
    }
    return rows;
  }

  /** Deletes a draft and its files (their keys shredded first). */
  public Erased eraseDraft(UUID draftId) {
    int shredded =
        shred(
            "select file_key_id from attachment where draft_id = ?1 and application_id is null"
                + " and message_id is null",
            draftId);
    int rows =
        update(
            "delete from attachment where draft_id = ?1 and application_id is null and message_id is null",
            draftId);
    rows += update("delete from application_draft where id = ?1", draftId);
    return new Erased(shredded, rows);
  }

  /**
   * Removes or pseudonymises every piece of personal data of a case: the application's answers and
   * addresses, names, the timeline's free texts, internal notes, the correspondence (texts
   * overwritten, files shredded), notices (shredded), payments' personal fields and bank details,
   * appointments and queued mail, and the webhook deliveries about the case (the sealed submission
   * pushed to a destination among them). What stays is what the statistics count: the case row with
   * its status and dates, the service, amounts. The citizen's subject becomes {@code pseudonym}
   * everywhere.
   */
  public Erased eraseCase(UUID caseId, String pseudonym) {
    Object[] c =
        (Object[])
            em.createNativeQuery(
                    "select application_id, applicant_subject, reference_number from case_record where id = ?1")
                .setParameter(1, caseId)
                .getSingleResult();
    UUID application = (UUID) c[0];
    String subject = (String) c[1];
    String reference = (String) c[2];
    int rows = 0;

    // Files and notices first: their keys are destroyed, so every copy of their bytes is dead.
    int shredded =
        shred(
            "select file_key_id from attachment where application_id = ?1"
                + " or message_id in (select m.id from mailbox_message m join mailbox_thread t"
                + " on t.id = m.thread_id where t.case_id = ?2)",
            application,
            caseId);
    shredded += shred("select file_key_id from decision_notice where case_id = ?1", caseId);
    // Rows sealed before V53 have no key of their own: their bytes are overwritten in place.
    rows +=
        update(
            "update attachment set owner_subject = ?3, display_name = 'erased', ciphertext = ''::bytea"
                + " where application_id = ?1 or message_id in (select m.id from mailbox_message m"
                + " join mailbox_thread t on t.id = m.thread_id where t.case_id = ?2)",
            application,
            caseId,
            pseudonym);
    rows +=
        update(
            "update decision_notice set applicant_subject = ?2, reasons = '', file_name = 'erased.pdf',"
                + " ciphertext = case when file_key_id is null then ''::bytea else ciphertext end"
                + " where case_id = ?1",
            caseId,
            pseudonym);

    // The correspondence.
    rows +=
        update(
            "update mailbox_message m set body = ?2, citizen_subject = ?3,"
                + " author_subject = case when m.author_kind = 'CITIZEN' then ?3 else m.author_subject end,"
                + " author_name = case when m.author_kind = 'CITIZEN' then ?2 else m.author_name end"
                + " from mailbox_thread t where t.id = m.thread_id and t.case_id = ?1",
            caseId,
            ERASED_TEXT,
            pseudonym);
    rows +=
        update(
            "update mailbox_thread set citizen_subject = ?2, citizen_email = null, title = ?3"
                + " where case_id = ?1",
            caseId,
            pseudonym,
            reference);

    // The case and its application.
    rows += update("delete from case_note where case_id = ?1", caseId);
    rows +=
        update(
            "update case_event set detail = null,"
                + " actor_subject = case when actor_subject = ?2 then ?3 else actor_subject end,"
                + " actor_name = case when actor_subject = ?2 then null else actor_name end"
                + " where case_id = ?1",
            caseId,
            subject,
            pseudonym);
    rows +=
        update(
            "update case_application set answers = '{}'::jsonb, applicant_subject = ?2,"
                + " notification_email = null where id = ?1",
            application,
            pseudonym);

    // What the register and the hand-off keep of the application (V54): the certificate of
    // residence's PDF, and the submission sealed for a specialist procedure.
    rows +=
        update(
            "update resident_certificate set pdf = ''::bytea, holder_subject = ?2"
                + " where application_id = ?1",
            application,
            pseudonym);
    rows +=
        update(
            "update handoff_submission set content = '', reject_reason = null"
                + " where application_id = ?1",
            application);

    // Webhooks (V59/V68): deliveries about the case — the submission pushed sealed to a
    // destination, and the municipality's own events (ids and statuses only, but about this
    // person's case) — are deleted, sent or not; the statistics do not count them.
    rows +=
        update(
            "delete from webhook_delivery where municipality_id ="
                + " (select municipality_id from case_record where id = ?1)"
                + " and (payload::jsonb -> 'data' ->> 'caseId' = ?2"
                + " or payload::jsonb -> 'data' ->> 'applicationId' = ?3"
                + " or payload::jsonb -> 'data' ->> 'referenceNumber' = ?4)",
            caseId,
            caseId.toString(),
            application.toString(),
            reference);

    // Payments: amounts and states stay (budget statistics), the person goes.
    rows +=
        update(
            "update bank_statement_entry set remittance_info = null, debtor_name = null, debtor_iban = null"
                + " where payment_id in (select id from payment_request where application_id = ?1)",
            application);
    rows +=
        update(
            "update payment_event set applicant_subject = ?2, detail = null,"
                + " actor = case when actor = ?3 then ?2 else actor end"
                + " where payment_id in (select id from payment_request where application_id = ?1)",
            application,
            pseudonym,
            subject);
    rows +=
        update(
            "update payment_request set applicant_subject = ?2 where application_id = ?1",
            application,
            pseudonym);

    // Appointments of the case and mail about it that may still sit in the outbox.
    rows +=
        update(
            "update appointment set citizen_subject = ?2, email = ?3 where case_id = ?1",
            caseId,
            pseudonym,
            ERASED_EMAIL);
    rows +=
        update(
            "update notification_outbox set recipient_subject = ?2, recipient_email = ?3,"
                + " parameters = '{}'::jsonb, next_attempt_at = null, last_error = null"
                + " where recipient_subject = ?1 and (parameters ->> 'reference' = ?4"
                + " or parameters ->> 'thread' in (select id::text from mailbox_thread where case_id = ?5))",
            subject,
            pseudonym,
            ERASED_EMAIL,
            reference,
            caseId);

    rows +=
        update(
            "update case_record set applicant_subject = ?2, applicant_name = null, decision_reasons = null,"
                + " erased_at = now(), version = version + 1 where id = ?1",
            caseId,
            pseudonym);
    return new Erased(shredded, rows);
  }

  /**
   * What is left of a person in a municipality beyond her cases and drafts: appointments without a
   * case, general mailbox threads and their files (and the webhook deliveries about them), queued
   * mail. Used by erasure on request.
   */
  public Erased eraseRest(UUID municipality, String subject, String pseudonym) {
    int shredded =
        shred(
            "select a.file_key_id from attachment a join mailbox_message m on m.id = a.message_id"
                + " join mailbox_thread t on t.id = m.thread_id"
                + " where t.municipality_id = ?1 and t.citizen_subject = ?2 and t.case_id is null",
            municipality,
            subject);
    int rows =
        update(
            "update attachment set owner_subject = ?3, display_name = 'erased', ciphertext = ''::bytea"
                + " where municipality_id = ?1 and owner_subject = ?2",
            municipality,
            subject,
            pseudonym);
    // The message.received deliveries about her general threads (before they lose her subject).
    rows +=
        update(
            "delete from webhook_delivery where municipality_id = ?1"
                + " and payload::jsonb -> 'data' ->> 'threadId' in (select id::text from mailbox_thread"
                + " where municipality_id = ?1 and citizen_subject = ?2 and case_id is null)",
            municipality,
            subject);
    rows +=
        update(
            "update mailbox_message m set body = ?3, citizen_subject = ?4,"
                + " author_subject = case when m.author_kind = 'CITIZEN' then ?4 else m.author_subject end,"
                + " author_name = case when m.author_kind = 'CITIZEN' then ?3 else m.author_name end"
                + " where m.municipality_id = ?1 and m.citizen_subject = ?2",
            municipality,
            subject,
            ERASED_TEXT,
            pseudonym);
    rows +=
        update(
            "update mailbox_thread set citizen_subject = ?3, citizen_email = null, title = ?4"
                + " where municipality_id = ?1 and citizen_subject = ?2",
            municipality,
            subject,
            pseudonym,
            ERASED_TEXT);
    rows +=
        update(
            "update appointment set citizen_subject = ?3, email = ?4"
                + " where municipality_id = ?1 and citizen_subject = ?2",
            municipality,
            subject,
            pseudonym,
            ERASED_EMAIL);
    rows +=
        update(
            "update notification_outbox set recipient_subject = ?3, recipient_email = ?4,"
                + " parameters = '{}'::jsonb, next_attempt_at = null, last_error = null"
                + " where municipality_id = ?1 and recipient_subject = ?2",
            municipality,
            subject,
            pseudonym,
            ERASED_EMAIL);
    return new Erased(shredded, rows);
  }

  /** Records an erasure for the statistics and the admin's history. */
  public void log(
      UUID municipality,
      UUID definitionId,
      String kind,
      UUID objectId,
      String pseudonym,
      String trigger,
      String rule,
      Erased erased) {
    em.createNativeQuery(
            "insert into retention_erasure (id, municipality_id, definition_id, object_kind, object_id,"
                + " pseudonym, trigger_kind, rule, erased_at, files_shredded, rows_changed)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now(), ?9, ?10)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, municipality)
        .setParameter(3, definitionId)
        .setParameter(4, kind)
        .setParameter(5, objectId)
        .setParameter(6, pseudonym)
        .setParameter(7, trigger)
        .setParameter(8, rule)
        .setParameter(9, erased.filesShredded())
        .setParameter(10, erased.rowsChanged())
        .executeUpdate();
  }

  /** Erasures per kind in a municipality (what the statistics keep). */
  public long erasedCount(UUID municipality, String kind) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from retention_erasure where municipality_id = ?1 and object_kind = ?2")
                .setParameter(1, municipality)
                .setParameter(2, kind)
                .getSingleResult())
        .longValue();
  }

  /** Destroys the file keys the query names; returns how many. */
  private int shred(String fileKeyQuery, Object... parameters) {
    Query q =
        em.createNativeQuery(
            "update file_data_key set wrapped_key = null, nonce = null, shredded_at = now()"
                + " where shredded_at is null and id in ("
                + fileKeyQuery
                + ")");
    for (int i = 0; i < parameters.length; i++) {
      q.setParameter(i + 1, parameters[i]);
    }
    return q.executeUpdate();
  }

  private int update(String sql, Object... parameters) {
    Query q = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      q.setParameter(i + 1, parameters[i]);
    }
    return q.executeUpdate();
  }
}
