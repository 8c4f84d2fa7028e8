package eu.rathaus.registers.residents.infrastructure;

import static eu.rathaus.kernel.NativeRows.instant;
import static eu.rathaus.kernel.NativeRows.rows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Native SQL of the change of address (V66) in the caller's transaction and scope: the service key
 * of a submitted application, the eID link written at submission, a case with its application's
 * answers and that link (as the clerk's approval reads it), and the mark that the register was
 * written.
 */
@ApplicationScoped
public class MoveSql {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A case of the change-of-address service as the approval needs it. */
  public record MoveCase(
      UUID caseId,
      UUID applicationId,
      UUID municipalityId,
      String reference,
      String serviceKey,
      String answersJson,
      boolean linkRecorded,
      String eidPseudonym,
      Instant registeredAt,
      String language) {}

  /** The service key of a service definition (it never changes once set). */
  public Optional<String> serviceKey(UUID definitionId) {
    return em
        .createNativeQuery("select service_key from service_definition where id = ?1")
        .setParameter(1, definitionId)
        .getResultList()
        .stream()
        .findFirst()
        .map(String.class::cast);
  }

  public void link(UUID application, UUID municipality, String subject, String eidPseudonym) {
    em.createNativeQuery(
            "insert into resident_move (id, municipality_id, application_id, applicant_subject,"
                + " eid_pseudonym) values (?1, ?2, ?3, ?4, nullif(?5, ''))")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, municipality)
        .setParameter(3, application)
        .setParameter(4, subject)
        .setParameter(5, eidPseudonym == null ? "" : eidPseudonym)
        .executeUpdate();
  }

  public Optional<MoveCase> ofCase(UUID caseId) {
    return rows(
            em.createNativeQuery(
                    "select c.id, a.id, c.municipality_id, c.reference_number, d.service_key,"
                        + " cast(a.answers as text), m.id is not null, m.eid_pseudonym,"
                        + " m.registered_at, a.language"
                        + " from case_record c join case_application a on a.id = c.application_id"
                        + " left join service_definition d on d.id = a.definition_id"
                        + " left join resident_move m on m.application_id = a.id where c.id = ?1")
                .setParameter(1, caseId))
        .stream()
        .findFirst()
        .map(
            r ->
                new MoveCase(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    Boolean.TRUE.equals(r[6]),
                    (String) r[7],
                    r[8] == null ? null : instant(r[8]),
                    (String) r[9]));
  }

  /** Marks the register as written for the application; false if it already was. */
  public boolean markRegistered(UUID application, Instant at, String by) {
    return em.createNativeQuery(
                "update resident_move set registered_at = ?2, registered_by = ?3"
                    + " where application_id = ?1 and registered_at is null")
            .setParameter(1, application)
            .setParameter(2, at)
            .setParameter(3, by)
            .executeUpdate()
        == 1;
  }
}
