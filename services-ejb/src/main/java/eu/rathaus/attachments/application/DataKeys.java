package eu.rathaus.attachments.application;

import eu.rathaus.attachments.infrastructure.AesGcm;
import eu.rathaus.attachments.infrastructure.DataKeyRing;
import eu.rathaus.attachments.infrastructure.FileKeys;
import eu.rathaus.attachments.infrastructure.LegacyReseal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Lets a use case make sure its municipality's data key exists before it starts sealing files. The
 * key is created on first use in a transaction of its own that appends to the audit chain; a use
 * case that already wrote to the same chain (and so holds its head row) must not trigger that
 * half-way, or the two transactions wait for each other.
 */
@ApplicationScoped
public class DataKeys {

  @Inject DataKeyRing keyRing;
  @Inject FileKeys fileKeys;
  @Inject LegacyReseal legacy;

  public void ensure(UUID municipalityId) {
    keyRing.current(municipalityId);
  }

  /**
   * Bytes sealed under a file key of their own ({@code fileKeyId}, wrapped by the municipality's
   * data key of {@code keyVersion}); {@code fileKeyId} is null for rows sealed before V53.
   */
  public record Sealed(UUID fileKeyId, int keyVersion, byte[] nonce, byte[] ciphertext) {}

  /**
   * Seals {@code plaintext} under a new file key (AES-GCM, the same envelope as attachments) for
   * other capabilities' documents; {@code associatedData} binds it to its row. Destroying the file
   * key erases the document (crypto-shredding).
   */
  public Sealed seal(UUID municipalityId, byte[] plaintext, byte[] associatedData) {
    FileKeys.Sealed sealed = fileKeys.seal(municipalityId, plaintext, associatedData);
    return new Sealed(sealed.fileKeyId(), sealed.keyVersion(), sealed.nonce(), sealed.ciphertext());
  }

  /**
   * The associated data a municipality's data key of {@code keyVersion} is wrapped with by the
   * {@code KeyProvider}: for tools that move wrapped keys between master keys (portability).
   */
  public static byte[] wrappingContext(UUID municipalityId, int keyVersion) {
    return AesGcm.dataKeyContext(municipalityId, keyVersion);
  }

  /**
   * Opens what {@link #seal} sealed; fails if the bytes or their associated data were changed.
   *
   * @throws eu.rathaus.attachments.domain.FileShreddedException if the document was erased
   */
  public byte[] open(
      UUID municipalityId,
      UUID fileKeyId,
      int keyVersion,
      byte[] nonce,
      byte[] ciphertext,
      byte[] associatedData) {
    return fileKeys.open(municipalityId, fileKeyId, keyVersion, nonce, ciphertext, associatedData);
  }

  /**
   * Re-seals up to {@code batch} files and notices sealed before V53 under keys of their own (the
   * migration path to crypto-shredding); one transaction, returns how many.
   */
  public int resealLegacy(int batch) {
    return legacy.resealBatch(batch);
  }

  /** Associated data of a decision notice: its id and municipality (one format for all callers). */
  public static byte[] noticeContext(UUID noticeId, UUID municipalityId) {
    return LegacyReseal.noticeContext(noticeId, municipalityId);
  }
}
