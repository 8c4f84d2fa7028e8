package eu.rathaus.attachments.infrastructure;

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
 * The wrapped per-file keys ({@code file_data_key}, V53), in transactions of their own in platform
 * scope like {@link DataKeyTable}: key management is a platform function, hidden from citizens and
 * staff. A key whose upload rolls back stays behind unused; it protects nothing.
 */
@ApplicationScoped
public class FileKeyTable {

  static final String ACTOR = "system:file-keys";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope tenantScope;

  /** A file key as stored; {@code wrapped} is null once shredded. */
  public record StoredFileKey(
      UUID id, UUID municipalityId, int keyVersion, byte[] nonce, byte[] wrapped) {
    boolean shredded() {
      return wrapped == null;
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void insert(UUID id, UUID municipalityId, int keyVersion, byte[] nonce, byte[] wrapped) {
    tenantScope.apply(TenantScope.platform(ACTOR));
    em.createNativeQuery(
            "insert into file_data_key (id, municipality_id, key_version, nonce, wrapped_key)"
                + " values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, id)
        .setParameter(2, municipalityId)
        .setParameter(3, keyVersion)
        .setParameter(4, nonce)
        .setParameter(5, wrapped)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<StoredFileKey> find(UUID id) {
    tenantScope.apply(TenantScope.platform(ACTOR));
    List<?> rows =
        em.createNativeQuery(
                "select municipality_id, key_version, nonce, wrapped_key from file_data_key where id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new StoredFileKey(
            id, (UUID) row[0], ((Number) row[1]).intValue(), (byte[]) row[2], (byte[]) row[3]));
  }
}
