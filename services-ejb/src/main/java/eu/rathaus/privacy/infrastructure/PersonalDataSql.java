package eu.rathaus.privacy.infrastructure;

import com.fasterxml.jackson.core.JsonGenerator;
import eu.rathaus.kernel.SqlValues;
import eu.rathaus.privacy.domain.AccessLogEntry;
import eu.rathaus.privacy.domain.ExportSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Reads one citizen's own rows for her export and writes them as JSON while reading. Every query
 * filters by her subject, and runs in her citizen transaction, so PostgreSQL's row-level security
 * checks the same again: a query that forgot its filter would still see only her rows. Must be
 * called inside a transaction whose tenant scope is the citizen's.
 */
@ApplicationScoped
public class PersonalDataSql {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A submitted application's ids, for what the export adds to it (notices). */
  public record CaseRef(UUID caseId, String reference) {}

  /**
   * What the portal holds of her identity: the names on her cases, the e-mail addresses she gave
   * and where, the languages she applied in.
   */
  public void writeStoredIdentity(JsonGenerator json, String subject) {
    try {
      json.writeArrayFieldStart("namesOnApplications");
      for (Object name :
          list(
              "select distinct applicant_name from case_record"
                  + " where applicant_subject = ?1 and applicant_name is not null order by 1",
              subject)) {
        json.writeString((String) name);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("emailAddresses");
      for (Object[] row :
          rows(
              "select distinct notification_email, 'application' from case_application"
                  + " where applicant_subject = ?1 and notification_email is not null"
                  + " union select distinct citizen_email, 'mailbox' from mailbox_thread"
                  + " where citizen_subject = ?1 and citizen_email is not null"
                  + " union select distinct email, 'appointment' from appointment"
                  + " where citizen_subject = ?1 order by 2, 1",
              subject)) {
        json.writeStartObject();
        json.writeStringField("address", (String) row[0]);
        json.writeStringField("usedFor", (String) row[1]);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("applicationLanguages");
      for (Object language :
          list(
              "select distinct language from case_application where applicant_subject = ?1"
                  + " order by 1",
              subject)) {
        json.writeString((String) language);
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Her submitted applications in all municipalities with their answers, the case's state and the
   * timeline she is shown; returns the cases (for their notices).
   */
  public List<CaseRef> writeApplications(
      JsonGenerator json,
      String subject,
      BiFunction<UUID, UUID, String> serviceTitle,
      ExportSummary summary) {
    List<CaseRef> cases = new ArrayList<>();
    try (Stream<Object[]> rows =
        stream(
            "select a.id, a.reference_number, m.name, a.municipality_id, a.version_id,"
                + " a.submitted_at, a.language, a.fee_cents, a.notification_email,"
                + " cast(a.answers as text), c.id, c.status, c.decided_at, c.decision_reasons,"
                + " c.applicant_name"
                + " from case_application a join municipality m on m.id = a.municipality_id"
                + " left join case_record c on c.application_id = a.id"
                + " where a.applicant_subject = ?1 order by a.submitted_at, a.id",
            subject)) {
      json.writeStartArray();
      for (Iterator<Object[]> it = rows.iterator(); it.hasNext(); ) {
        Object[] r = it.next();
        String title = serviceTitle.apply((UUID) r[3], (UUID) r[4]);
        json.writeStartObject();
        json.writeStringField("reference", (String) r[1]);
        json.writeStringField("municipality", (String) r[2]);
        json.writeStringField("service", title);
        json.writeStringField("submittedAt", iso(r[5]));
        json.writeStringField("language", (String) r[6]);
        json.writeNumberField("feeCents", ((Number) r[7]).longValue());
        json.writeStringField("notificationEmail", (String) r[8]);
        json.writeStringField("applicantName", (String) r[14]);
        json.writeStringField("status", (String) r[11]);
        json.writeStringField("decidedAt", iso(r[12]));
        json.writeStringField("decisionReasons", (String) r[13]);
        json.writeFieldName("answers");
        json.writeRawValue((String) r[9]);
        json.writeArrayFieldStart("timeline");
        if (r[10] != null) {
          for (Object[] e :
              rows(
                  "select occurred_at, kind, from_status, to_status, detail from case_event"
                      + " where case_id = ?1 and citizen_visible order by seq",
                  r[10])) {
            json.writeStartObject();
            json.writeStringField("at", iso(e[0]));
            json.writeStringField("kind", (String) e[1]);
            json.writeStringField("fromStatus", (String) e[2]);
            json.writeStringField("toStatus", (String) e[3]);
            json.writeStringField("detail", (String) e[4]);
            json.writeEndObject();
          }
          cases.add(new CaseRef((UUID) r[10], (String) r[1]));
        }
        json.writeEndArray();
        json.writeEndObject();
        summary
            .applications()
            .add(
                new ExportSummary.ApplicationLine(
                    (String) r[1], title, (String) r[2], instant(r[5]), (String) r[11]));
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** Her drafts (started, not submitted) with their answers so far. */
  public void writeDrafts(
      JsonGenerator json,
      String subject,
      BiFunction<UUID, UUID, String> serviceTitle,
      ExportSummary summary) {
    try (Stream<Object[]> rows =
        stream(
            "select d.id, m.name, d.municipality_id, d.version_id, d.created_at, d.updated_at,"
                + " d.current_step, cast(d.answers as text)"
                + " from application_draft d join municipality m on m.id = d.municipality_id"
                + " where d.applicant_subject = ?1 order by d.created_at, d.id",
            subject)) {
      json.writeStartArray();
      for (Iterator<Object[]> it = rows.iterator(); it.hasNext(); ) {
        Object[] r = it.next();
        String title = serviceTitle.apply((UUID) r[2], (UUID) r[3]);
        json.writeStartObject();
        json.writeStringField("id", r[0].toString());
        json.writeStringField("municipality", (String) r[1]);
        json.writeStringField("service", title);
        json.writeStringField("createdAt", iso(r[4]));
        json.writeStringField("updatedAt", iso(r[5]));
        json.writeNumberField("currentStep", ((Number) r[6]).intValue());
        json.writeFieldName("answers");
        json.writeRawValue((String) r[7]);
        json.writeEndObject();
        summary.drafts().add(new ExportSummary.DraftLine(title, (String) r[1], instant(r[5])));
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Her mailbox threads with every message (the files are listed by the caller, which knows where
   * they go in the archive); returns the ids of the messages.
   */
  public List<UUID> writeThreads(
      JsonGenerator json,
      String subject,
      java.util.function.Function<UUID, List<String>> filesOfMessage,
      ExportSummary summary) {
    List<UUID> messages = new ArrayList<>();
    try {
      json.writeStartArray();
      for (Object[] t :
          rows(
              "select t.id, m.name, t.title, r.reference_number, t.created_at"
                  + " from mailbox_thread t join municipality m on m.id = t.municipality_id"
                  + " left join case_record r on r.id = t.case_id"
                  + " where t.citizen_subject = ?1 order by t.created_at, t.id",
              subject)) {
        json.writeStartObject();
        json.writeStringField("title", (String) t[2]);
        json.writeStringField("municipality", (String) t[1]);
        json.writeStringField("reference", (String) t[3]);
        json.writeStringField("startedAt", iso(t[4]));
        json.writeArrayFieldStart("messages");
        int count = 0;
        for (Object[] m :
            rows(
                "select id, author_kind, author_name, body, created_at, read_at"
                    + " from mailbox_message where thread_id = ?1 and citizen_subject = ?2"
                    + " order by created_at, id",
                t[0],
                subject)) {
          UUID id = (UUID) m[0];
          json.writeStartObject();
          json.writeStringField("from", (String) m[1]);
          json.writeStringField("authorName", (String) m[2]);
          json.writeStringField("writtenAt", iso(m[4]));
          json.writeStringField("readAt", iso(m[5]));
          json.writeStringField("text", (String) m[3]);
          json.writeArrayFieldStart("files");
          for (String path : filesOfMessage.apply(id)) {
            json.writeString(path);
          }
          json.writeEndArray();
          json.writeEndObject();
          messages.add(id);
          count++;
        }
        json.writeEndArray();
        json.writeEndObject();
        summary.threads().add(new ExportSummary.ThreadLine((String) t[2], (String) t[1], count));
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return messages;
  }

  /** Her mailbox messages' ids (to find their files before the messages are written). */
  public List<UUID> messageIds(String subject) {
    List<UUID> ids = new ArrayList<>();
    for (Object id :
        list("select id from mailbox_message where citizen_subject = ?1 order by id", subject)) {
      ids.add((UUID) id);
    }
    return ids;
  }

  /** Her payment requests with their history. */
  public void writePayments(JsonGenerator json, String subject, ExportSummary summary) {
    try {
      json.writeStartArray();
      for (Object[] p :
          rows(
              "select p.id, p.payment_reference, m.name, a.reference_number, p.amount_cents,"
                  + " p.currency, p.due_date, p.state, p.method, p.paid_cents, p.refunded_cents,"
                  + " p.paid_at, p.created_at, p.payee_name, p.payee_iban"
                  + " from payment_request p join municipality m on m.id = p.municipality_id"
                  + " left join case_application a on a.id = p.application_id"
                  + " where p.applicant_subject = ?1 order by p.created_at, p.id",
              subject)) {
        json.writeStartObject();
        json.writeStringField("paymentReference", (String) p[1]);
        json.writeStringField("municipality", (String) p[2]);
        json.writeStringField("applicationReference", (String) p[3]);
        json.writeNumberField("amountCents", ((Number) p[4]).longValue());
        json.writeStringField("currency", (String) p[5]);
        json.writeStringField("dueDate", p[6] == null ? null : date(p[6]));
        json.writeStringField("state", (String) p[7]);
        json.writeStringField("method", (String) p[8]);
        json.writeNumberField("paidCents", ((Number) p[9]).longValue());
        json.writeNumberField("refundedCents", ((Number) p[10]).longValue());
        json.writeStringField("paidAt", iso(p[11]));
        json.writeStringField("createdAt", iso(p[12]));
        json.writeStringField("payee", (String) p[13]);
        json.writeStringField("payeeIban", (String) p[14]);
        json.writeArrayFieldStart("events");
        for (Object[] e :
            rows(
                "select occurred_at, kind, from_state, to_state, amount_cents, source"
                    + " from payment_event where payment_id = ?1 and applicant_subject = ?2"
                    + " order by occurred_at, id",
                p[0],
                subject)) {
          json.writeStartObject();
          json.writeStringField("at", iso(e[0]));
          json.writeStringField("kind", (String) e[1]);
          json.writeStringField("fromState", (String) e[2]);
          json.writeStringField("toState", (String) e[3]);
          if (e[4] != null) {
            json.writeNumberField("amountCents", ((Number) e[4]).longValue());
          }
          json.writeStringField("source", (String) e[5]);
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        summary
            .payments()
            .add(
                new ExportSummary.PaymentLine(
                    (String) p[1], (String) p[3], ((Number) p[4]).longValue(), (String) p[7]));
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Her appointments booked while signed in. */
  public void writeAppointments(JsonGenerator json, String subject, ExportSummary summary) {
    try {
      json.writeStartArray();
      for (Object[] a :
          rows(
              "select m.name, t.name, l.name, l.address, ap.starts_at, ap.ends_at, ap.status,"
                  + " ap.email, ap.created_at, ap.confirmed_at, ap.cancelled_at, r.reference_number"
                  + " from appointment ap join municipality m on m.id = ap.municipality_id"
                  + " join appointment_type t on t.id = ap.type_id"
                  + " join appointment_location l on l.id = t.location_id"
                  + " left join case_record r on r.id = ap.case_id"
                  + " where ap.citizen_subject = ?1 order by ap.starts_at, ap.id",
              subject)) {
        json.writeStartObject();
        json.writeStringField("municipality", (String) a[0]);
        json.writeStringField("type", (String) a[1]);
        json.writeStringField("location", (String) a[2]);
        json.writeStringField("address", (String) a[3]);
        json.writeStringField("startsAt", iso(a[4]));
        json.writeStringField("endsAt", iso(a[5]));
        json.writeStringField("status", (String) a[6]);
        json.writeStringField("email", (String) a[7]);
        json.writeStringField("bookedAt", iso(a[8]));
        json.writeStringField("confirmedAt", iso(a[9]));
        json.writeStringField("cancelledAt", iso(a[10]));
        json.writeStringField("reference", (String) a[11]);
        json.writeEndObject();
        summary
            .appointments()
            .add(
                new ExportSummary.AppointmentLine(
                    (String) a[1], (String) a[2], instant(a[4]), (String) a[6]));
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Who in which authority read or worked on her data (database function {@code
   * citizen_access_log()}, V46: her subject comes from the transaction's scope, not from here).
   */
  public List<AccessLogEntry> accessLog() {
    List<AccessLogEntry> entries = new ArrayList<>();
    for (Object[] r :
        rows(
            "select occurred_at, municipality, actor_name, action, subject_type, reference"
                + " from citizen_access_log()")) {
      entries.add(
          new AccessLogEntry(
              instant(r[0]),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5]));
    }
    return entries;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    List<Object[]> result = new ArrayList<>();
    for (Object row : query.getResultList()) {
      result.add(row instanceof Object[] array ? array : new Object[] {row});
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private Stream<Object[]> stream(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    query.setHint("org.hibernate.fetchSize", 50);
    return ((Stream<Object>) query.getResultStream())
        .map(row -> row instanceof Object[] array ? array : new Object[] {row});
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }

  static Instant instant(Object value) {
    return SqlValues.instant(value);
  }

  static String iso(Object value) {
    Instant instant = instant(value);
    return instant == null ? null : instant.toString();
  }

  static String date(Object value) {
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return value.toString();
  }
}
