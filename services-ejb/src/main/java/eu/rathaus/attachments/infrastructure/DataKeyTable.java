package eu.rathaus.attachments.infrastructure;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The wrapped data keys ({@code municipality_data_key}). Every method runs in a transaction of its
 * own in platform scope: key management is a platform function, so row-level security hides the
 * table from citizens and staff, and creating a key commits (with its audit entry) independently of
 * the upload that needed it. Callers must not hold the audit chain lock of the same municipality.
 */
@ApplicationScoped
public class DataKeyTable {

  static final String ACTOR = "system:key-ring";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope tenantScope;
  @Inject AuditLog audit;

  /** A wrapped key as stored. */
  public record WrappedKey(UUID municipalityId, int version, String masterKeyId, byte[] wrapped) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<WrappedKey> latest(UUID municipalityId) {
    tenantScope.apply(TenantScope.platform(ACTOR));
    return first(
        em.createNativeQuery(
                "select key_version, master_key_id, wrapped_key from municipality_data_key where municipality_id = ?1"
                    + " order by key_version desc limit 1")
            .setParameter(1, municipalityId)
            .getResultList(),
        municipalityId);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<WrappedKey> find(UUID municipalityId, int version) {
    tenantScope.apply(TenantScope.platform(ACTOR));
    return first(
        em.createNativeQuery(
                "select key_version, master_key_id, wrapped_key from municipality_data_key where municipality_id = ?1"
                    + " and key_version = ?2")
            .setParameter(1, municipalityId)
            .setParameter(2, version)
            .getResultList(),
        municipalityId);
  }

  /**
   * Stores the first data key of a municipality unless a concurrent upload already did; returns the
   * key that is stored now (ours or the other one), so both uploads use the same key.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public WrappedKey createFirst(UUID municipalityId, String masterKeyId, byte[] wrapped) {
    tenantScope.apply(TenantScope.platform(ACTOR));
    int inserted =
        em.createNativeQuery(
                "insert into municipality_data_key (municipality_id, key_version, master_key_id, wrapped_key)"
                    + " values (?1, 1, ?2, ?3) on conflict do nothing")
            .setParameter(1, municipalityId)
            .setParameter(2, masterKeyId)
            .setParameter(3, wrapped)
            .executeUpdate();
    if (inserted == 1) {
      audit.record(
          new AuditEvent(
              ACTOR,
              "attachment.data-key.created",
              "municipality_data_key",
              municipalityId + ":1",
              municipalityId,
              "masterKey=" + masterKeyId));
    }
    return first(
            em.createNativeQuery(
                    "select key_version, master_key_id, wrapped_key from municipality_data_key where municipality_id = ?1"
                        + " and key_version = 1")
                .setParameter(1, municipalityId)
                .getResultList(),
            municipalityId)
        .orElseThrow();
  }

  private static Optional<WrappedKey> first(List<?> rows, UUID municipalityId) {
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new WrappedKey(
            municipalityId, ((Number) row[0]).intValue(), (String) row[1], (byte[]) row[2]));
  }
}
