package eu.rathaus.handoff.infrastructure;

import eu.rathaus.handoff.domain.Destination;
import eu.rathaus.handoff.domain.HandedOff;
import eu.rathaus.handoff.domain.HandoffRepository;
import eu.rathaus.kernel.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Native SQL on the V52 tables, in the caller's transaction and scope (row-level security). */
@ApplicationScoped
public class SqlHandoffRepository implements HandoffRepository {

  private static final String DESTINATION_COLUMNS =
      "id, municipality_id, definition_id, endpoint, encryption_key, signature_key, client_id, active";
  private static final String SUBMISSION_COLUMNS =
      "id, municipality_id, destination_id, application_id, case_id, reference_number, service_key,"
          + " status, created_at, fetch_count, acknowledged_at, reject_reason";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public Optional<Destination> destinationOf(UUID municipalityId, UUID definitionId) {
    return destinations(
            "select "
                + DESTINATION_COLUMNS
                + " from handoff_destination where municipality_id = ?1 and definition_id = ?2",
            municipalityId,
            definitionId)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Destination> destination(UUID destinationId) {
    return destinations(
            "select " + DESTINATION_COLUMNS + " from handoff_destination where id = ?1",
            destinationId)
        .stream()
        .findFirst();
  }

  private List<Destination> destinations(String sql, Object... parameters) {
    return rows(
        sql,
        r ->
            new Destination(
                (UUID) r[0],
                (UUID) r[1],
                (UUID) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (Boolean) r[7]),
        parameters);
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> rows(String sql, Function<Object[], T> mapper, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((List<Object[]>) query.getResultList()).stream().map(mapper).toList();
  }

  @Override
  public void saveDestination(Destination d, String changedBy, Instant now) {
    em.createNativeQuery(
            "insert into handoff_destination (id, municipality_id, definition_id, endpoint, encryption_key,"
                + " signature_key, client_id, active, created_at, changed_at, changed_by)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)"
                + " on conflict (definition_id) do update set endpoint = excluded.endpoint,"
                + " encryption_key = excluded.encryption_key, signature_key = excluded.signature_key,"
                + " active = excluded.active, changed_at = excluded.changed_at, changed_by = excluded.changed_by")
        .setParameter(1, d.id())
        .setParameter(2, d.municipalityId())
        .setParameter(3, d.definitionId())
        .setParameter(4, d.endpoint())
        .setParameter(5, d.encryptionJwk())
        .setParameter(6, d.signatureJwk())
        .setParameter(7, d.clientId())
        .setParameter(8, d.active())
        .setParameter(9, Timestamp.from(now))
        .setParameter(10, changedBy)
        .executeUpdate();
  }

  @Override
  public void addSubmission(HandedOff s, String sealedContent) {
    em.createNativeQuery(
            "insert into handoff_submission (id, municipality_id, destination_id, application_id, case_id,"
                + " reference_number, service_key, content, status, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', ?9)")
        .setParameter(1, s.id())
        .setParameter(2, s.municipalityId())
        .setParameter(3, s.destinationId())
        .setParameter(4, s.applicationId())
        .setParameter(5, s.caseId())
        .setParameter(6, s.referenceNumber())
        .setParameter(7, s.serviceKey())
        .setParameter(8, sealedContent)
        .setParameter(9, Timestamp.from(s.createdAt()))
        .executeUpdate();
  }

  @Override
  public List<HandedOff> pending(UUID destinationId, int limit) {
    return submissions(
        "select "
            + SUBMISSION_COLUMNS
            + " from handoff_submission where destination_id = ?1 and status = 'PENDING'"
            + " order by created_at, id limit "
            + Math.max(1, Math.min(limit, 500)),
        destinationId);
  }

  @Override
  public Optional<HandedOff> submission(UUID destinationId, UUID submissionId) {
    return submissions(
            "select "
                + SUBMISSION_COLUMNS
                + " from handoff_submission where destination_id = ?1 and id = ?2",
            destinationId,
            submissionId)
        .stream()
        .findFirst();
  }

  private List<HandedOff> submissions(String sql, Object... parameters) {
    return rows(
        sql,
        r ->
            new HandedOff(
                (UUID) r[0],
                (UUID) r[1],
                (UUID) r[2],
                (UUID) r[3],
                (UUID) r[4],
                (String) r[5],
                (String) r[6],
                HandedOff.Status.valueOf((String) r[7]),
                SqlValues.instant(r[8]),
                ((Number) r[9]).intValue(),
                SqlValues.instant(r[10]),
                (String) r[11]),
        parameters);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<String> fetch(UUID destinationId, UUID submissionId, Instant now) {
    List<String> content =
        em.createNativeQuery(
                "update handoff_submission set fetch_count = fetch_count + 1,"
                    + " first_fetched_at = coalesce(first_fetched_at, ?3)"
                    + " where destination_id = ?1 and id = ?2 returning content")
            .setParameter(1, destinationId)
            .setParameter(2, submissionId)
            .setParameter(3, Timestamp.from(now))
            .getResultList();
    return content.stream().findFirst();
  }

  @Override
  public boolean acknowledge(UUID destinationId, UUID submissionId, Instant now) {
    return em.createNativeQuery(
                "update handoff_submission set status = 'ACKNOWLEDGED', acknowledged_at = ?3"
                    + " where destination_id = ?1 and id = ?2 and status = 'PENDING'")
            .setParameter(1, destinationId)
            .setParameter(2, submissionId)
            .setParameter(3, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean reject(UUID destinationId, UUID submissionId, String reason, Instant now) {
    return em.createNativeQuery(
                "update handoff_submission set status = 'REJECTED', rejected_at = ?3, reject_reason = ?4"
                    + " where destination_id = ?1 and id = ?2 and status = 'PENDING'")
            .setParameter(1, destinationId)
            .setParameter(2, submissionId)
            .setParameter(3, Timestamp.from(now))
            .setParameter(4, reason)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean addEvent(
      UUID municipalityId,
      UUID destinationId,
      UUID submissionId,
      String jti,
      String kind,
      Instant issuedAt,
      Instant now) {
    return em.createNativeQuery(
                "insert into handoff_event (id, municipality_id, destination_id, submission_id, jti, kind,"
                    + " issued_at, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                    + " on conflict (destination_id, jti) do nothing")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, municipalityId)
            .setParameter(3, destinationId)
            .setParameter(4, submissionId)
            .setParameter(5, jti)
            .setParameter(6, kind)
            .setParameter(7, Timestamp.from(issuedAt))
            .setParameter(8, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean eventSeen(UUID destinationId, String jti) {
    return !em.createNativeQuery(
            "select 1 from handoff_event where destination_id = ?1 and jti = ?2")
        .setParameter(1, destinationId)
        .setParameter(2, jti)
        .getResultList()
        .isEmpty();
  }
}
