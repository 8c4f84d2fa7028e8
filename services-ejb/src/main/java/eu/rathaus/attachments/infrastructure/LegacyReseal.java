package eu.rathaus.attachments.infrastructure;

import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The migration path to per-file keys (V53): re-seals files and notices sealed before V53 directly
 * with the municipality's data key under a key of their own, a batch per transaction, so that
 * erasure can crypto-shred them too. Until a row is re-sealed it is read as before. Runs in the
 * erasure engine's database scope {@code retention}, the one scope that reaches attachments and
 * notices of every municipality; rows are claimed with {@code SKIP LOCKED}, so several nodes share
 * the work.
 */
@ApplicationScoped
public class LegacyReseal {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope tenantScope;

  private static final Logger LOG = Logger.getLogger(LegacyReseal.class.getName());

  @Inject DataKeyRing keyRing;
  @Inject FileKeys fileKeys;

  /**
   * Where this node's pass through each table stands (keyset), so a row that cannot be opened
   * (logged) does not block the rows after it; a pass that reaches the end starts over next time.
   */
  private final Map<String, UUID> after = new ConcurrentHashMap<>();

  /** Associated data of a notice, as {@code DecisionNotices} seals it. */
  public static byte[] noticeContext(UUID noticeId, UUID municipalityId) {
    return ("rathaus-notice:v1|" + noticeId + "|" + municipalityId)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Looks at up to {@code batch} attachments and notices not yet re-sealed; returns how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int resealBatch(int batch) {
    em.createNativeQuery(
            "select set_config('rathaus.scope', 'retention', true),"
                + " set_config('rathaus.municipality', '', true),"
                + " set_config('rathaus.subject', 'system:key-migration', true)")
        .getSingleResult();
    tenantScope.writtenElsewhere();
    int done = reseal("attachment", batch, true);
    return done + reseal("decision_notice", batch - done, false);
  }

  private int reseal(String table, int limit, boolean attachment) {
    if (limit <= 0) {
      return 0;
    }
    UUID from = after.get(table);
    List<Object[]> rows =
        NativeRows.rows(
            em.createNativeQuery(
                    "select id, municipality_id, key_version, nonce, ciphertext from "
                        + table
                        + " where file_key_id is null and octet_length(ciphertext) > 0"
                        + " and (cast(?2 as uuid) is null or id > cast(?2 as uuid))"
                        + " order by id limit ?1 for update skip locked")
                .setParameter(1, limit)
                .setParameter(2, from == null ? null : from.toString()));
    if (rows.size() < limit) {
      after.remove(table);
    } else {
      after.put(table, (UUID) rows.get(rows.size() - 1)[0]);
    }
    for (Object[] r : rows) {
      UUID id = (UUID) r[0];
      try {
        resealRow(table, attachment, r);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "{0} {1} not re-sealed: {2}", new Object[] {table, id, e.toString()});
      }
    }
    return rows.size();
  }

  private void resealRow(String table, boolean attachment, Object[] r) {
    UUID id = (UUID) r[0];
    UUID municipality = (UUID) r[1];
    byte[] context =
        attachment ? AesGcm.attachmentContext(id, municipality) : noticeContext(id, municipality);
    byte[] plain =
        AesGcm.open(
            keyRing.forVersion(municipality, ((Number) r[2]).intValue()),
            (byte[]) r[3],
            (byte[]) r[4],
            context);
    FileKeys.Sealed sealed = fileKeys.seal(municipality, plain, context);
    em.createNativeQuery(
            "update "
                + table
                + " set file_key_id = ?2, key_version = ?3, nonce = ?4, ciphertext = ?5"
                + " where id = ?1 and file_key_id is null")
        .setParameter(1, id)
        .setParameter(2, sealed.fileKeyId())
        .setParameter(3, sealed.keyVersion())
        .setParameter(4, sealed.nonce())
        .setParameter(5, sealed.ciphertext())
        .executeUpdate();
  }
}
