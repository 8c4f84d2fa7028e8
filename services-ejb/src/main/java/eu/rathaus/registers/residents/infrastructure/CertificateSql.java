package eu.rathaus.registers.residents.infrastructure;

import static eu.rathaus.kernel.NativeRows.instant;
import static eu.rathaus.kernel.NativeRows.rows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Native SQL of the certificates of residence (V51) in the caller's transaction and scope: the
 * citizen's own application of the certificate service (read from the submitted application and its
 * service definition, like the lost-property office reads loss reports), the municipality's
 * letterhead (public, V11), the certificate issued for an application, and the public verification
 * through {@code certificate_verification}.
 */
@ApplicationScoped
public class CertificateSql {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A submitted application as the certificate desk needs it. */
  public record ApplicationRow(
      UUID id, UUID municipalityId, String serviceKey, String certificateType, String reference) {}

  /** The authority as printed on a certificate. */
  public record Authority(String name, List<String> addressLines, byte[] logo) {}

  /** An issued certificate. */
  public record CertificateRow(
      UUID id, String code, String kind, Instant issuedAt, String issuedBy, byte[] pdf) {}

  /** What the public may learn about a code. */
  public record VerificationRow(Instant issuedAt, String kind, String municipality) {}

  public Optional<ApplicationRow> application(UUID id) {
    return rows(
            em.createNativeQuery(
                    "select a.id, a.municipality_id, d.service_key, a.answers ->> 'certificateType',"
                        + " a.reference_number from case_application a"
                        + " left join service_definition d on d.id = a.definition_id where a.id = ?1")
                .setParameter(1, id))
        .stream()
        .findFirst()
        .map(
            r ->
                new ApplicationRow(
                    (UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4]));
  }

  /** Of the caller's applications (row-level security: her own), those of the given services. */
  @SuppressWarnings("unchecked")
  public List<UUID> applicationsOf(java.util.Collection<String> serviceKeys) {
    return (List<UUID>)
        em.createNativeQuery(
                "select a.id from case_application a join service_definition d on d.id = a.definition_id"
                    + " where d.service_key = any(string_to_array(?1, ',')) order by a.submitted_at desc")
            .setParameter(1, String.join(",", serviceKeys))
            .setMaxResults(200)
            .getResultList();
  }

  public Authority authority(UUID municipality) {
    List<Object[]> head =
        rows(
            em.createNativeQuery(
                    "select authority_name, address_line1, address_line2, logo"
                        + " from municipality_letterhead where municipality_id = ?1")
                .setParameter(1, municipality));
    if (!head.isEmpty()) {
      Object[] r = head.get(0);
      List<String> lines = new ArrayList<>();
      for (Object line : new Object[] {r[1], r[2]}) {
        if (line != null && !((String) line).isBlank()) {
          lines.add((String) line);
        }
      }
      return new Authority((String) r[0], lines, (byte[]) r[3]);
    }
    String name =
        (String)
            em.createNativeQuery("select name from municipality where id = ?1")
                .setParameter(1, municipality)
                .getSingleResult();
    return new Authority(name, List.of(), null);
  }

  public Optional<CertificateRow> certificate(UUID application) {
    return rows(
            em.createNativeQuery(
                    "select id, code, kind, issued_at, issued_by, pdf from resident_certificate"
                        + " where application_id = ?1")
                .setParameter(1, application))
        .stream()
        .findFirst()
        .map(
            r ->
                new CertificateRow(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    instant(r[3]),
                    (String) r[4],
                    (byte[]) r[5]));
  }

  public void insert(
      UUID id,
      UUID municipality,
      UUID application,
      UUID resident,
      String holder,
      String kind,
      String code,
      Instant issuedAt,
      String issuedBy,
      byte[] pdf) {
    em.createNativeQuery(
            "insert into resident_certificate (id, municipality_id, application_id, resident_id,"
                + " holder_subject, kind, code, issued_at, issued_by, pdf)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .setParameter(1, id)
        .setParameter(2, municipality)
        .setParameter(3, application)
        .setParameter(4, resident)
        .setParameter(5, holder)
        .setParameter(6, kind)
        .setParameter(7, code)
        .setParameter(8, issuedAt)
        .setParameter(9, issuedBy)
        .setParameter(10, pdf)
        .executeUpdate();
  }

  public Optional<VerificationRow> verification(String code) {
    return rows(
            em.createNativeQuery(
                    "select issued_at, kind, municipality from certificate_verification(?1)")
                .setParameter(1, code))
        .stream()
        .findFirst()
        .map(r -> new VerificationRow(instant(r[0]), (String) r[1], (String) r[2]));
  }
}
