package eu.rathaus.attachments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.attachments.domain.AttachmentRefusal;
import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.ScanStatus;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.web.it.AttachmentRows;
import eu.rathaus.web.it.Deployments;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attachments end to end inside the portal against the real PostgreSQL and the real clamd the test
 * stack runs with the project's EICAR signature: refusals of hostile uploads, encryption at rest
 * (read behind the portal's back with the superuser), exact round trip, tamper detection, and who
 * may open what.
 *
 * <p>The in-container steps and the superuser checks (test JVM) meet through the files' SHA-256:
 * the two sample PDFs are the same on every run, so the client side finds their rows by hash.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachmentIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  private static final String ERIKA = "attachment-it-erika";
  private static final String MAX = "attachment-it-max";
  private static final AttachmentRules RULES =
      new AttachmentRules(3, 64 * 1024, List.of("application/pdf", "image/jpeg", "image/png"));
  private static final String MARKER = "RATHAUS-ATTACHMENT-IT-PLAINTEXT-MARKER";
  static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(AttachmentIT.class, AttachmentRows.class, AttachmentRows.Row.class,
        eu.rathaus.web.it.Jdbc.class);
  }

  @Inject AttachmentService attachments;
  @Inject CallerScope caller;
  @Inject DatabaseTenantScope databaseScope;
  @Inject UserTransaction tx;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A small valid PDF with a recognisable text, the same bytes on every run. */
  static byte[] pdf(String purpose) {
    String body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% " + MARKER + " " + purpose + "\n"
        + "% " + "Meldebescheinigung Musterstadt ".repeat(40) + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] roundTripPdf() {
    return pdf("round-trip");
  }

  static byte[] tamperPdf() {
    return pdf("tamper-target");
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private UploadOutcome upload(String owner, UUID municipality, String name, byte[] bytes, AttachmentRules rules) {
    caller.set(TenantScope.citizen(owner));
    return attachments.upload(owner, municipality, UUID.randomUUID(), name, new ByteArrayInputStream(bytes), rules);
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
  @Order(1)
  void aPdfIsStoredScannedAndComesBackByteForByte() throws Exception {
    byte[] original = roundTripPdf();
    UploadOutcome outcome = upload(ERIKA, MUSTERSTADT, "Meldebescheinigung.pdf", original, RULES);
    assertTrue(outcome.isStored(), () -> "refused: " + outcome.getProblem());
    AttachmentSummary stored = outcome.getStored();
    assertEquals("application/pdf", stored.contentType());
    assertEquals(ScanStatus.CLEAN, stored.scanStatus(), "the test stack runs clamd, so files are really scanned");
    assertEquals(sha256(original), stored.sha256());

    AttachmentDownload download = attachments.download(stored.id()).orElseThrow();
    assertArrayEquals(original, download.content());
    assertEquals("Meldebescheinigung.pdf", download.displayName());
    assertTrue(upload(ERIKA, MUSTERSTADT, "Tamper.pdf", tamperPdf(), RULES).isStored());

    tx.begin();
    databaseScope.apply(TenantScope.staff(MUSTERSTADT, "attachment-it"));
    long audited = ((Number) em.createNativeQuery(
            "select count(*) from audit_entry where subject_id = ?1 and action in ('attachment.uploaded', 'attachment.downloaded')")
        .setParameter(1, stored.id().toString())
        .getSingleResult()).longValue();
    tx.commit();
    assertEquals(2, audited, "upload and download are both audited");
  }

  @Test
  @Order(2)
  @RunAsClient
  void theBytesInPostgresqlAreNotTheFileAndTheKeyIsOnlyStoredWrapped() throws Exception {
    byte[] original = roundTripPdf();
    List<AttachmentRows.Row> rows = AttachmentRows.bySha256(sha256(original));
    assertFalse(rows.isEmpty(), "the round-trip PDF is stored");
    byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
    for (AttachmentRows.Row row : rows) {
      assertFalse(java.util.Arrays.equals(original, row.ciphertext()));
      assertFalse(AttachmentRows.contains(row.ciphertext(), original), "ciphertext contains the file");
      assertFalse(AttachmentRows.contains(row.ciphertext(), marker), "ciphertext contains the file's text");
      assertFalse(AttachmentRows.contains(row.ciphertext(), "%PDF".getBytes(StandardCharsets.US_ASCII)));
      assertEquals(original.length + 16, row.ciphertext().length, "AES-GCM: same length plus the 16-byte tag");
      assertEquals(12, row.nonce().length);
    }
    byte[] wrapped = AttachmentRows.wrappedKey(MUSTERSTADT, rows.get(0).keyVersion());
    assertNotNull(wrapped);
    assertEquals(12 + 32 + 16, wrapped.length, "only the wrapped AES-256 key is stored (nonce, key, tag)");

    // Behind the portal's back: flip one bit in the ciphertext of this run's tamper target.
    assertEquals(1, AttachmentRows.flipBit(sha256(tamperPdf())));
  }

  @Test
  @Order(3)
  void tamperedCiphertextIsAClearErrorNotGarbage() throws Exception {
    caller.set(TenantScope.citizen(ERIKA));
    String hash = sha256(tamperPdf());
    // mine() is newest first: this run's tamper target, the row the client side altered.
    AttachmentSummary target = attachments.mine().stream()
        .filter(a -> a.sha256().equals(hash))
        .findFirst()
        .orElseThrow();
    assertThrows(AttachmentTamperedException.class, () -> attachments.download(target.id()));
  }

  @Test
  void eicarIsRefusedWithTheMalwareMessage() {
    AttachmentRules textAllowed = new AttachmentRules(3, 64 * 1024, List.of("text/plain", "application/pdf"));
    UploadOutcome plain = upload(ERIKA, MUSTERSTADT, "eicar.txt", EICAR.getBytes(StandardCharsets.US_ASCII), textAllowed);
    assertEquals(AttachmentRefusal.MALWARE_FOUND, plain.refusal());
    assertEquals("attachment.error.malware", plain.getProblem().messageKey());
    assertEquals("file", plain.getProblem().field());

    byte[] pdfWithEicar = ("%PDF-1.4\n% " + EICAR + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    assertEquals(AttachmentRefusal.MALWARE_FOUND, upload(ERIKA, MUSTERSTADT, "harmlos.pdf", pdfWithEicar, RULES).refusal());
  }

  @Test
  void oversizePathNamesAndLyingNamesAreRefused() {
    byte[] big = new byte[64 * 1024 + 1];
    byte[] head = roundTripPdf();
    System.arraycopy(head, 0, big, 0, head.length);
    assertEquals(AttachmentRefusal.TOO_LARGE, upload(ERIKA, MUSTERSTADT, "gross.pdf", big, RULES).refusal());
    assertEquals(AttachmentRefusal.BAD_NAME, upload(ERIKA, MUSTERSTADT, "../evil.pdf", roundTripPdf(), RULES).refusal());
    assertEquals(AttachmentRefusal.BAD_NAME, upload(ERIKA, MUSTERSTADT, "a\u0000.pdf", roundTripPdf(), RULES).refusal());
    assertEquals(AttachmentRefusal.TYPE_MISMATCH, upload(ERIKA, MUSTERSTADT, "rechnung.pdf", exe(), RULES).refusal());
    assertEquals(AttachmentRefusal.TYPE_NOT_ALLOWED, upload(ERIKA, MUSTERSTADT, "setup", exe(), RULES).refusal());
  }

  @Test
  void moreThanTheAllowedCountPerDraftIsRefused() {
    caller.set(TenantScope.citizen(ERIKA));
    UUID draft = UUID.randomUUID();
    AttachmentRules two = new AttachmentRules(2, 64 * 1024, List.of("application/pdf"));
    for (int i = 0; i < 2; i++) {
      assertTrue(attachments.upload(ERIKA, MUSTERSTADT, draft, "n" + i + ".pdf", new ByteArrayInputStream(pdf("count")), two)
          .isStored());
    }
    UploadOutcome third =
        attachments.upload(ERIKA, MUSTERSTADT, draft, "n3.pdf", new ByteArrayInputStream(pdf("count")), two);
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
    assertTrue(attachments.download(id).isEmpty(), "platform operators do not read citizens' documents");
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
    tx.begin();
    try {
      databaseScope.apply(TenantScope.citizen(MAX));
      long foreign = em.createQuery("select count(a) from AttachmentEntity a", Long.class).getSingleResult();
      assertEquals(0, foreign, "an unscoped query as another citizen sees nothing");
      long keys = ((Number) em.createNativeQuery("select count(*) from municipality_data_key").getSingleResult()).longValue();
      assertEquals(0, keys, "citizens never see wrapped keys");
    } finally {
      tx.commit();
    }
    tx.begin();
    try {
      databaseScope.apply(TenantScope.staff(BEISPIELHEIM, "ben"));
      long musterstadts = ((Number) em.createNativeQuery("select count(*) from attachment where municipality_id = ?1")
          .setParameter(1, MUSTERSTADT)
          .getSingleResult()).longValue();
      assertEquals(0, musterstadts);
      long keys = ((Number) em.createNativeQuery("select count(*) from municipality_data_key").getSingleResult()).longValue();
      assertEquals(0, keys, "staff never see wrapped keys");
    } finally {
      tx.commit();
    }
  }
}
