package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.KeyProvider;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-municipality AES-256 data keys: generated on first use, stored only wrapped by the master key
 * ({@link KeyProvider}), unwrapped on demand.
 *
 * <p>Unwrapped keys are kept in memory for the life of the application, because with an HSM or KMS
 * an unwrap is a network call per upload otherwise. The price: erasing a key (crypto-shredding)
 * must also restart or {@link #forget} the portal's nodes.
 */
@ApplicationScoped
public class DataKeyRing {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject KeyProvider keys;
  @Inject DataKeyTable table;

  private final Map<String, SecretKey> unwrapped = new ConcurrentHashMap<>();
  private final Map<UUID, Integer> currentVersion = new ConcurrentHashMap<>();

  /** A data key and its version, as used to seal one attachment. */
  public record DataKey(int version, SecretKey key) {}

  /** The key new attachments of the municipality are sealed with; created on first use. */
  public DataKey current(UUID municipalityId) {
    Integer version = currentVersion.get(municipalityId);
    if (version != null) {
      return new DataKey(version, forVersion(municipalityId, version));
    }
    DataKeyTable.WrappedKey stored =
        table.latest(municipalityId).orElseGet(() -> create(municipalityId));
    SecretKey key = unwrap(stored);
    currentVersion.put(municipalityId, stored.version());
    return new DataKey(stored.version(), key);
  }

  /** The key a stored attachment was sealed with. */
  public SecretKey forVersion(UUID municipalityId, int version) {
    SecretKey cached = unwrapped.get(cacheKey(municipalityId, version));
    if (cached != null) {
      return cached;
    }
    DataKeyTable.WrappedKey stored =
        table
            .find(municipalityId, version)
            .orElseThrow(
                () ->
                    new KeyUnavailableException(
                        "No data key " + version + " for municipality " + municipalityId));
    return unwrap(stored);
  }

  /** Drops cached keys, e.g. after a data key was destroyed. */
  public void forget(UUID municipalityId) {
    currentVersion.remove(municipalityId);
    unwrapped.keySet().removeIf(k -> k.startsWith(municipalityId + ":"));
  }

  private DataKeyTable.WrappedKey create(UUID municipalityId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    try {
      byte[] wrapped = keys.wrap(raw, AesGcm.dataKeyContext(municipalityId, 1));
      return table.createFirst(municipalityId, keys.currentMasterKeyId(), wrapped);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private SecretKey unwrap(DataKeyTable.WrappedKey stored) {
    return unwrapped.computeIfAbsent(
        cacheKey(stored.municipalityId(), stored.version()),
        k -> {
          byte[] raw =
              keys.unwrap(
                  stored.masterKeyId(),
                  stored.wrapped(),
                  AesGcm.dataKeyContext(stored.municipalityId(), stored.version()));
          try {
            return new SecretKeySpec(raw, "AES");
          } finally {
            Arrays.fill(raw, (byte) 0);
          }
        });
  }

  private static String cacheKey(UUID municipalityId, int version) {
    return municipalityId + ":" + version;
  }
}
