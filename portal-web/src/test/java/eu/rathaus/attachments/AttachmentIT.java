package eu.rathaus.attachments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.attachments.domain.AttachmentRefusal;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.ScanStatus;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attachments end to end inside the portal against the real PostgreSQL and the real clamd the test
 * stack runs with the project's EICAR signature: refusals of hostile uploads, encryption at rest
 * (the stored row read behind the service's back), exact round trip, tamper detection, and who may
 * open what. Each test uploads the files it checks.
 */
@ExtendWith(ArquillianExtension.class)
class AttachmentIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  private static final String ERIKA = "attachment-it-erika";
  private static final String MAX = "attachment-it-max";
  private static final AttachmentRules RULES =
      new AttachmentRules(3, 64 * 1024, List.of("application/pdf", "image/jpeg", "image/png"));
  private static final String MARKER = "RATHAUS-ATTACHMENT-IT-PLAINTEXT-MARKER";
  static final String EICAR =
      "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(AttachmentIT.class);
  }

  @Inject AttachmentService attachments;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A small valid PDF with a recognisable text, the same bytes on every run. */
  static byte[] pdf(String purpose) {
    String body =
        "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% "
            + MARKER
            + " "
            + purpose
            + "\n"
            + "% "
            + "Meldebescheinigung Musterstadt ".repeat(40)
            + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] roundTripPdf() {
    return pdf("round-trip");
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private UploadOutcome upload(
      String owner, UUID municipality, String name, byte[] bytes, AttachmentRules rules) {
    caller.set(TenantScope.citizen(owner));
    return attachments.upload(
        owner, municipality, UUID.randomUUID(), name, new ByteArrayInputStream(bytes), rules);
  }

  /** True if {@code needle} occurs in {@code haystack}. */
  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static byte[] exe() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  @Test
  void aPdfIsStoredScannedAndComesBackByteForByte() throws Exception {
    byte[] original = roundTripPdf();
    UploadOutcome outcome = upload(ERIKA, MUSTERSTADT, "Meldebescheinigung.pdf", original, RULES);
    assertTrue(outcome.isStored(), () -> "refused: " + outcome.getProblem());
    AttachmentSummary stored = outcome.getStored();
    assertEquals("application/pdf", stored.contentType());
    assertEquals(
        ScanStatus.CLEAN,
        stored.scanStatus(),
        "the test stack runs clamd, so files are really scanned");
    assertEquals(sha256(original), stored.sha256());

    AttachmentDownload download = attachments.download(stored.id()).orElseThrow();
    assertArrayEquals(original, download.content());
    assertEquals("Meldebescheinigung.pdf", download.displayName());

    long audited =
        transactions.call(
            TenantScope.staff(MUSTERSTADT, "attachment-it"),
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from audit_entry where subject_id = ?1 and action in ('attachment.uploaded', 'attachment.downloaded')")
                            .setParameter(1, stored.id().toString())
                            .getSingleResult())
                    .longValue());
    assertEquals(2, audited, "upload and download are both audited");
  }

  /**
   * The stored row as the database holds it: nonce, ciphertext, key version (the municipality's
   * staff may read it).
   */
  private Object[] storedRow(UUID id) throws Exception {
    return transactions.call(
        TenantScope.staff(MUSTERSTADT, "attachment-it"),
        () ->
            (Object[])
                em.createNativeQuery(
                        "select nonce, ciphertext, key_version from attachment where id = ?1")
                    .setParameter(1, id)
                    .getSingleResult());
  }

  @Test
  void theBytesInPostgresqlAreNotTheFileAndTheKeyIsOnlyStoredWrapped() throws Exception {
    byte[] original = pdf("at-rest-" + UUID.randomUUID());
    UploadOutcome outcome = upload(ERIKA, MUSTERSTADT, "Meldebescheinigung.pdf", original, RULES);
    assertTrue(outcome.isStored(), () -> "refused: " + outcome.getProblem());
    Object[] row = storedRow(outcome.getStored().id());
    byte[] nonce = (byte[]) row[0];
    byte[] ciphertext = (byte[]) row[1];
    int keyVersion = ((Number) row[2]).intValue();

    byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
    assertFalse(contains(ciphertext, original), "ciphertext contains the file");
    assertFalse(contains(ciphertext, marker), "ciphertext contains the file's text");
    assertFalse(contains(ciphertext, "%PDF".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        original.length + 16, ciphertext.length, "AES-GCM: same length plus the 16-byte tag");
    assertEquals(12, nonce.length);

    byte[] wrapped =
        transactions.call(
            TenantScope.platform("attachment-it"),
            () ->
                (byte[])
                    em.createNativeQuery(
                            "select wrapped_key from municipality_data_key where municipality_id = ?1 and key_version = ?2")
                        .setParameter(1, MUSTERSTADT)
                        .setParameter(2, keyVersion)
                        .getSingleResult());
    assertEquals(
        12 + 32 + 16, wrapped.length, "only the wrapped AES-256 key is stored (nonce, key, tag)");
  }

  @Test
  void tamperedCiphertextIsAClearErrorNotGarbage() throws Exception {
    UploadOutcome outcome =
        upload(ERIKA, MUSTERSTADT, "Tamper.pdf", pdf("tamper-" + UUID.randomUUID()), RULES);
    assertTrue(outcome.isStored(), () -> "refused: " + outcome.getProblem());
    UUID id = outcome.getStored().id();
    // Behind the service's back, as someone with the database role could: flip one bit of the
    // ciphertext.
    int changed =
        transactions.call(
            TenantScope.staff(MUSTERSTADT, "attachment-it"),
            () ->
                em.createNativeQuery(
                        "update attachment set ciphertext = set_byte(ciphertext, 9, get_byte(ciphertext, 9) # 1) where id = ?1")
                    .setParameter(1, id)
                    .executeUpdate());
    assertEquals(1, changed);

    caller.set(TenantScope.citizen(ERIKA));
    assertThrows(AttachmentTamperedException.class, () -> attachments.download(id));
  }

  @Test
  void eicarIsRefusedWithTheMalwareMessage() {
    AttachmentRules textAllowed =
        new AttachmentRules(3, 64 * 1024, List.of("text/plain", "application/pdf"));
    UploadOutcome plain =
        upload(
            ERIKA,
            MUSTERSTADT,
            "eicar.txt",
            EICAR.getBytes(StandardCharsets.US_ASCII),
            textAllowed);
    assertEquals(AttachmentRefusal.MALWARE_FOUND, plain.refusal());
    assertEquals("attachment.error.malware", plain.getProblem().messageKey());
    assertEquals("file", plain.getProblem().field());

    byte[] pdfWithEicar =
        ("%PDF-1.4\n% " + EICAR + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        AttachmentRefusal.MALWARE_FOUND,
        upload(ERIKA, MUSTERSTADT, "harmlos.pdf", pdfWithEicar, RULES).refusal());
  }

  @Test
  void oversizePathNamesAndLyingNamesAreRefused() {
    byte[] big = new byte[64 * 1024 + 1];
    byte[] head = roundTripPdf();
    System.arraycopy(head, 0, big, 0, head.length);
    assertEquals(
        AttachmentRefusal.TOO_LARGE, upload(ERIKA, MUSTERSTADT, "gross.pdf", big, RULES).refusal());
    assertEquals(
        AttachmentRefusal.BAD_NAME,
        upload(ERIKA, MUSTERSTADT, "../evil.pdf", roundTripPdf(), RULES).refusal());
    assertEquals(
        AttachmentRefusal.BAD_NAME,
        upload(ERIKA, MUSTERSTADT, "a\u0000.pdf", roundTripPdf(), RULES).refusal());
    assertEquals(
        AttachmentRefusal.TYPE_MISMATCH,
        upload(ERIKA, MUSTERSTADT, "rechnung.pdf", exe(), RULES).refusal());
    assertEquals(
        AttachmentRefusal.TYPE_NOT_ALLOWED,
        upload(ERIKA, MUSTERSTADT, "setup", exe(), RULES).refusal());
  }

  @Test
  void moreThanTheAllowedCountPerDraftIsRefused() {
    caller.set(TenantScope.citizen(ERIKA));
    UUID draft = UUID.randomUUID();
    AttachmentRules two = new AttachmentRules(2, 64 * 1024, List.of("application/pdf"));
    for (int i = 0; i < 2; i++) {
      assertTrue(
          attachments
              .upload(
                  ERIKA,
                  MUSTERSTADT,
                  draft,
                  "n" + i + ".pdf",
                  new ByteArrayInputStream(pdf("count")),
                  two)
              .isStored());
    }
    UploadOutcome third =
        attachments.upload(
            ERIKA, MUSTERSTADT, draft, "n3.pdf", new ByteArrayInputStream(pdf("count")), two);
    assertEquals(AttachmentRefusal.TOO_MANY, third.refusal());
  }

  @Test
  void onlyTheOwnerAndTheMunicipalitysStaffCanOpenIt() throws Exception {
    UploadOutcome outcome = upload(ERIKA, MUSTERSTADT, "Nachweis.pdf", pdf("scoping"), RULES);
    UUID id = outcome.getStored().id();

    caller.set(TenantScope.citizen(MAX));
    assertTrue(attachments.download(id).isEmpty(), "another citizen: not found");
    assertTrue(attachments.mine().stream().noneMatch(a -> a.id().equals(id)));
    caller.set(TenantScope.staff(BEISPIELHEIM, "ben"));
    assertTrue(attachments.download(id).isEmpty(), "another municipality's staff: not found");
    caller.set(TenantScope.platform("paula"));
    assertTrue(
        attachments.download(id).isEmpty(), "platform operators do not read citizens' documents");
    caller.set(TenantScope.anonymous());
    assertTrue(attachments.download(id).isEmpty());
    caller.set(TenantScope.staff(MUSTERSTADT, "mia"));
    assertArrayEquals(pdf("scoping"), attachments.download(id).orElseThrow().content());
    caller.set(TenantScope.citizen(ERIKA));
    assertTrue(attachments.download(id).isPresent());
    assertTrue(attachments.download(UUID.randomUUID()).isEmpty());
  }

  @Test
  void rowLevelSecurityHidesOtherPeoplesAttachmentsAndAllWrappedKeys() throws Exception {
    assertTrue(upload(ERIKA, MUSTERSTADT, "rls.pdf", pdf("rls"), RULES).isStored());
    transactions.run(
        TenantScope.citizen(MAX),
        () -> {
          long foreign =
              em.createQuery("select count(a) from AttachmentEntity a", Long.class)
                  .getSingleResult();
          assertEquals(0, foreign, "an unscoped query as another citizen sees nothing");
          long keys =
              ((Number)
                      em.createNativeQuery("select count(*) from municipality_data_key")
                          .getSingleResult())
                  .longValue();
          assertEquals(0, keys, "citizens never see wrapped keys");
        });
    transactions.run(
        TenantScope.staff(BEISPIELHEIM, "ben"),
        () -> {
          long musterstadts =
              ((Number)
                      em.createNativeQuery(
                              "select count(*) from attachment where municipality_id = ?1")
                          .setParameter(1, MUSTERSTADT)
                          .getSingleResult())
                  .longValue();
          assertEquals(0, musterstadts);
          long keys =
              ((Number)
                      em.createNativeQuery("select count(*) from municipality_data_key")
                          .getSingleResult())
                  .longValue();
          assertEquals(0, keys, "staff never see wrapped keys");
        });
  }
}
