package eu.rathaus.retention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.attachments.domain.FileShreddedException;
import eu.rathaus.attachments.infrastructure.AesGcm;
import eu.rathaus.attachments.infrastructure.DataKeyRing;
import eu.rathaus.attachments.infrastructure.FileKeys;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.MailboxIdentity;
import eu.rathaus.messaging.application.OutgoingFile;
import eu.rathaus.notices.application.NoticeSignatory;
import eu.rathaus.privacy.application.PrivacyRequests;
import eu.rathaus.retention.application.ErasureEngine;
import eu.rathaus.retention.application.ErasureRequests;
import eu.rathaus.retention.application.LegalHolds;
import eu.rathaus.retention.application.PlannedErasure;
import eu.rathaus.retention.application.RetentionAdmin;
import eu.rathaus.retention.application.RetentionJob;
import eu.rathaus.retention.domain.Verdict;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.TenantRows;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention and erasure (issue 15) against the real database. Erika's rejected case (answers, a
 * conversation with files, a notice, an internal note) and her abandoned draft with a file are made
 * old; Max's old case is under a legal hold. The dry run lists both and erases nothing; the job
 * then erases Erika's case and draft: a scan of every text column of every table finds none of her
 * values, her files and notice cannot be decrypted from a copy of their bytes taken before (as from
 * a backup), the audit chain verifies, the statistics keep the case. Max's case stays until the
 * hold is lifted.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(RetentionIT.class, TenantRows.class, TenantRows.SubmittedCase.class);
  }

  @Inject ItJourneys journeys;
  @Inject ApplicationJourney journey;
  @Inject AttachmentService attachments;
  @Inject Mailbox mailbox;
  @Inject MailboxIdentity identity;
  @Inject CaseInbox inbox;
  @Inject CaseWork work;
  @Inject NoticeSignatory signatory;
  @Inject CallerScope caller;
  @Inject RetentionAdmin admin;
  @Inject RetentionJob job;
  @Inject ErasureEngine engine;
  @Inject LegalHolds holds;
  @Inject ErasureRequests erasureRequests;
  @Inject PrivacyRequests privacyRequests;
  @Inject FileKeys fileKeys;
  @Inject DataKeyRing keyRing;
  @Inject DataKeys dataKeys;
  @Inject AuditLog auditLog;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  @Test
  void erasureLeavesNoTraceOfErikaShredsHerFilesAndKeepsTheChainAndTheHeldCase() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String erika = "it-erase-erika-" + suffix;
    String max = "it-erase-max-" + suffix;
    String clerk = "it-erase-clerk-" + suffix;
    String lastName = "Tilgungsfrau" + suffix;
    String name = "Erika Tilgung" + suffix;
    String eidMail = "tilgung-" + suffix + "@example.org";
    String serviceKey = journeys.publish("meldebescheinigung", "it.erase-").serviceKey();

    // Erika: an application and an abandoned draft with a file.
    String reference = submitAs(erika, name, eidMail, lastName, serviceKey);
    UUID caseId = journeys.caseOf(reference);
    UUID draft = draft(serviceKey, "Entwurfsfrau" + suffix);
    assertTrue(
        attachments
            .upload(
                erika,
                MUSTERSTADT,
                draft,
                "entwurf-" + suffix + ".pdf",
                new ByteArrayInputStream(ItJourneys.pdf("draft " + suffix)),
                new AttachmentRules(3, 1_000_000, List.of("application/pdf")))
            .isStored());
    // Max: an application.
    String maxReference =
        submitAs(max, "Max Halter" + suffix, null, "Haltermann" + suffix, serviceKey);
    UUID maxCase = journeys.caseOf(maxReference);

    // The clerk writes to Erika, notes something about her; she answers with a file; the clerk
    // rejects both cases (a notice each) and puts Max's under a legal hold.
    asStaff(clerk);
    mailbox.postToApplicant(caseId, "Bitte Nachweis " + suffix, List.of());
    assertTrue(work.addNote(caseId, "Notiz zu Frau " + lastName).isDone());
    asCitizen(erika, name, eidMail);
    UUID thread =
        mailbox.myThreads().stream()
            .filter(t -> caseId.equals(t.caseId()))
            .findFirst()
            .orElseThrow()
            .id();
    byte[] replyFile = ItJourneys.pdf("reply " + suffix);
    assertTrue(
        mailbox
            .reply(
                thread,
                "Anbei mein Nachweis " + suffix,
                List.of(
                    new OutgoingFile("antwort-" + suffix + ".pdf", "application/pdf", replyFile)))
            .isPosted());
    asStaff(clerk);
    reject(caseId, "Abgelehnt für " + lastName);
    reject(maxCase, "Abgelehnt " + suffix);
    assertFalse(holds.set(maxCase, "  "), "a hold needs a reason");
    assertTrue(holds.set(maxCase, "Klageverfahren 4 K 17/26"));
    assertEquals(Optional.of("Klageverfahren 4 K 17/26"), holds.of(maxCase));

    // A copy of the sealed bytes, as a backup holds them; they open now.
    Object[] reply =
        one(
            "select a.id, a.file_key_id, a.key_version, a.nonce, a.ciphertext from attachment a"
                + " join mailbox_message m on m.id = a.message_id where m.thread_id = ?::uuid"
                + " and a.owner_subject = ?",
            thread.toString(),
            erika);
    assertArrayEquals(replyFile, openAttachment(reply));
    Object[] notice =
        one(
            "select id, file_key_id, key_version, nonce, ciphertext from decision_notice"
                + " where case_id = ?::uuid",
            caseId.toString());
    assertTrue(openNotice(notice).length > 0);

    // Make both cases and the draft old.
    superuser(
        "update case_record set decided_at = now() - interval '6 years', changed_at = now() - interval '6 years'"
            + " where id in (?::uuid, ?::uuid)",
        caseId.toString(),
        maxCase.toString());
    superuser(
        "update application_draft set updated_at = now() - interval '7 months' where id = ?::uuid",
        draft.toString());

    // The dry run: Erika's case and draft would go, Max's case is kept for its hold. Nothing
    // changes.
    asStaff("it-erase-admin-" + suffix);
    List<PlannedErasure> plan = admin.plan(null);
    PlannedErasure erikasCase = find(plan, caseId).orElseThrow();
    assertTrue(erikasCase.isErase());
    assertEquals(Verdict.Reason.CASE_PERIOD_OVER, erikasCase.verdict().reason());
    assertEquals(reference, erikasCase.getReference());
    assertTrue(find(plan, draft).orElseThrow().isErase());
    PlannedErasure held = find(plan, maxCase).orElseThrow();
    assertFalse(held.isErase());
    assertEquals(Verdict.Reason.LEGAL_HOLD, held.verdict().reason());
    assertEquals("Klageverfahren 4 K 17/26", held.getHoldReason());
    assertTrue(
        admin.plan(java.time.LocalDate.now().minusYears(2)).stream()
            .noneMatch(p -> p.id().equals(caseId)),
        "not due two years ago");
    assertTrue(textColumnsContaining(lastName).size() > 0, "the dry run erased nothing");
    assertEquals(1L, count("select count(*) from application_draft where id = ?::uuid", draft));

    long erasedBefore = admin.erased().cases();
    job.runOnce();

    // Nothing of Erika in any text column of any table (audit included): name, e-mail, answers,
    // draft, messages, note, reasons, file names. Her subject only in the audit log (an id).
    for (String value :
        List.of(
            lastName,
            name,
            eidMail,
            lastName.toLowerCase(Locale.ROOT) + "@example.org",
            "Entwurfsfrau" + suffix,
            "Anbei mein Nachweis " + suffix,
            "Bitte Nachweis " + suffix,
            "antwort-" + suffix,
            "entwurf-" + suffix)) {
      assertEquals(List.of(), textColumnsContaining(value), value);
    }
    List<String> subjectLeft = textColumnsContaining(erika);
    subjectLeft.removeIf(c -> c.startsWith("audit_entry."));
    assertEquals(List.of(), subjectLeft, "her subject is replaced by a pseudonym");

    // Shredded: the copies taken before cannot be opened any more.
    assertThrows(FileShreddedException.class, () -> openAttachment(reply));
    assertThrows(FileShreddedException.class, () -> openNotice(notice));
    assertEquals(
        0L,
        count(
            "select count(*) from file_data_key where id = ?::uuid and wrapped_key is not null",
            (UUID) reply[1]));

    // The chain verifies; the erasure is audited with ids and the pseudonym.
    VerificationResult verified = auditLog.verify();
    assertTrue(verified.ok(), verified::reason);
    assertEquals(
        1L,
        count(
            "select count(*) from audit_entry where action = 'retention.case.erased'"
                + " and subject_id = ? and details like 'pseudonym=erased:%'",
            caseId.toString()));
    assertEquals(
        1L,
        count(
            "select count(*) from audit_entry where action = 'retention.draft.erased' and subject_id = ?",
            draft.toString()));

    // Statistics stay: the case row with its status, the erasure counted.
    assertEquals(
        "REJECTED", one("select status from case_record where id = ?::uuid", caseId.toString())[0]);
    assertEquals(erasedBefore + 1, admin.erased().cases());
    assertEquals(0L, count("select count(*) from application_draft where id = ?::uuid", draft));

    // Max's case is kept while the hold lasts; lifted, the dry run shows it due.
    assertEquals(
        1L,
        count(
            "select count(*) from case_record where id = ?::uuid and erased_at is null"
                + " and applicant_name = 'Max Halter"
                + suffix
                + "'",
            maxCase));
    asStaff(clerk);
    assertTrue(holds.lift(maxCase));
    assertTrue(find(admin.plan(null), maxCase).orElseThrow().isErase());
    // Leave no due case behind for other tests' dry runs.
    superuser(
        "update case_record set decided_at = now(), changed_at = now() where id = ?::uuid",
        maxCase.toString());
  }

  /**
   * What the register and the hand-off keep of an application goes with it (V54): the certificate
   * of residence keeps no PDF and no holder, /verify still knows its code; the submission sealed
   * for a specialist procedure keeps no content.
   */
  @Test
  void erasureEmptiesTheCertificateOfResidenceAndTheSealedHandOff() throws Exception {
    String citizen = "it-erase-cert-" + UUID.randomUUID();
    UUID application;
    String code;
    try (Connection c = superuser()) {
      UUID town = TenantRows.newMunicipality(c, "retention");
      TenantRows.residents(c, town, citizen);
      TenantRows.SubmittedCase submitted;
      try (PreparedStatement p =
          c.prepareStatement(
              "select r.application_id, r.code, k.id, k.reference_number, k.definition_id,"
                  + " a.version_id from resident_certificate r"
                  + " join case_record k on k.application_id = r.application_id"
                  + " join case_application a on a.id = r.application_id"
                  + " where r.holder_subject = ?")) {
        p.setString(1, citizen);
        try (ResultSet rs = p.executeQuery()) {
          assertTrue(rs.next());
          application = (UUID) rs.getObject(1);
          code = rs.getString(2);
          submitted =
              new TenantRows.SubmittedCase(
                  town,
                  citizen,
                  (UUID) rs.getObject(5),
                  (UUID) rs.getObject(6),
                  application,
                  (UUID) rs.getObject(3),
                  rs.getString(4));
        }
      }
      TenantRows.handoff(c, town, submitted.definition(), submitted);
    }
    superuser(
        "update case_record set status = 'REJECTED', decided_at = now() - interval '6 years',"
            + " changed_at = now() - interval '6 years' where application_id = ?::uuid",
        application.toString());

    job.runOnce();

    Object[] certificate =
        one(
            "select length(pdf), holder_subject from resident_certificate where application_id = ?::uuid",
            application.toString());
    assertEquals(0, ((Number) certificate[0]).intValue());
    assertNotEquals(citizen, certificate[1]);
    assertEquals(
        "",
        one(
            "select content from handoff_submission where application_id = ?::uuid",
            application.toString())[0]);
    assertEquals(
        1L,
        ((Number) one("select count(*) from certificate_verification(?)", code)[0]).longValue(),
        "/verify still knows the code");
  }

  /**
   * Art. 17: Rita's withdrawn application and her draft are erased at once; her rejected one is
   * kept with its reason (a decision must stay provable); the request case itself stays.
   */
  @Test
  void anApprovedErasureRequestErasesWhatTheLawLetsGoAndSaysWhyItKeepsTheRest() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String rita = "it-erase-rita-" + suffix;
    String serviceKey = journeys.publish("meldebescheinigung", "it.request-").serviceKey();
    String withdrawnRef = submitAs(rita, "Rita Weg" + suffix, null, "Wegfrau" + suffix, serviceKey);
    UUID withdrawn = journeys.caseOf(withdrawnRef);
    assertTrue(work.withdraw(withdrawn).isDone());
    String decidedRef = submitAs(rita, "Rita Weg" + suffix, null, "Bleibfrau" + suffix, serviceKey);
    UUID decided = journeys.caseOf(decidedRef);
    UUID draft = draft(serviceKey, "Ritaentwurf" + suffix);
    PrivacyRequests.Outcome request =
        privacyRequests.submit(
            "musterstadt",
            "erasure",
            "Bitte löschen " + suffix,
            UUID.randomUUID().toString(),
            null,
            "Rita Weg" + suffix,
            "de");
    assertTrue(request.isSubmitted(), request.problems()::toString);
    UUID requestCase = journeys.caseOf(request.reference());

    asStaff("it-request-clerk-" + suffix);
    reject(decided, "Abgelehnt " + suffix);
    // A clerk without the data protection role neither sees the request nor executes it (V65).
    assertFalse(erasureRequests.isErasureRequest(requestCase));
    assertThrows(SecurityException.class, () -> erasureRequests.execute(requestCase));
    caller.set(
        TenantScope.staff(
            MUSTERSTADT, "it-request-clerk-" + suffix, Set.of(TenantScope.DATA_PROTECTION)));
    assertThrows(NoSuchElementException.class, () -> erasureRequests.execute(decided));
    assertTrue(erasureRequests.isErasureRequest(requestCase));

    List<PlannedErasure> outcome = erasureRequests.execute(requestCase);
    assertTrue(find(outcome, withdrawn).orElseThrow().isErase());
    assertTrue(find(outcome, draft).orElseThrow().isErase());
    PlannedErasure kept = find(outcome, decided).orElseThrow();
    assertFalse(kept.isErase());
    assertEquals(Verdict.Reason.DECISION_MUST_BE_KEPT, kept.verdict().reason());
    assertEquals(
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusYears(5),
        kept.getDueOn());
    assertTrue(find(outcome, requestCase).isEmpty(), "the request itself is not erased");

    assertEquals(List.of(), textColumnsContaining("Wegfrau" + suffix));
    assertEquals(List.of(), textColumnsContaining("Ritaentwurf" + suffix));
    assertFalse(textColumnsContaining("Bleibfrau" + suffix).isEmpty(), "the decided case stays");
    assertEquals(
        1L,
        count(
            "select count(*) from audit_entry where action = 'privacy.erasure.executed' and subject_id = ?",
            requestCase.toString()));
    assertTrue(auditLog.verify().ok());

    caller.set(TenantScope.citizen(rita));
    assertThrows(SecurityException.class, () -> erasureRequests.execute(requestCase));
  }

  @Test
  void retentionSettingsAreValidatedAndOwnServicesOnly() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    UUID definition = journeys.publish("meldebescheinigung", "it.setting-").definitionId();
    asStaff("it-setting-admin-" + suffix);
    assertEquals(2, admin.save(definition, 0, 400).size());
    assertEquals(1, admin.save(UUID.randomUUID(), 3, null).size());
    assertEquals(List.of(), admin.save(definition, 3, null));
    var service =
        admin.services().stream()
            .filter(s -> s.definitionId().equals(definition))
            .findFirst()
            .orElseThrow();
    assertEquals(3, service.getEffectiveDraftMonths());
    assertEquals(60, service.getEffectiveCaseMonths());
    assertNull(service.getCaseMonths());
    caller.set(TenantScope.staff(ItJourneys.BEISPIELHEIM, "it-setting-other-" + suffix));
    assertEquals(1, admin.save(definition, 3, null).size(), "another municipality's service");
    caller.set(TenantScope.citizen("it-setting-citizen-" + suffix));
    assertThrows(SecurityException.class, () -> admin.services());
  }

  /**
   * The migration path: a file sealed before V53 (with the municipality's key directly) is read as
   * before; the job's re-seal step gives it a key of its own, and it reads the same.
   */
  @Test
  void aFileSealedBeforeV43StaysReadableAndIsResealedUnderAKeyOfItsOwn() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String citizen = "it-reseal-" + suffix;
    String serviceKey = journeys.publish("meldebescheinigung", "it.reseal-").serviceKey();
    asCitizen(citizen, "Rea Seal", "rea-" + suffix + "@example.org");
    UUID draft = draft(serviceKey, "Reseal" + suffix);
    byte[] content = ItJourneys.pdf("legacy " + suffix);
    UUID id =
        attachments
            .upload(
                citizen,
                MUSTERSTADT,
                draft,
                "alt.pdf",
                new ByteArrayInputStream(content),
                new AttachmentRules(3, 1_000_000, List.of("application/pdf")))
            .getStored()
            .id();
    DataKeyRing.DataKey key = keyRing.current(MUSTERSTADT);
    AesGcm.Sealed legacy =
        AesGcm.seal(key.key(), content, AesGcm.attachmentContext(id, MUSTERSTADT));
    try (Connection c = superuser();
        PreparedStatement p =
            c.prepareStatement(
                "update attachment set file_key_id = null, key_version = ?, nonce = ?, ciphertext = ?"
                    + " where id = ?")) {
      p.setInt(1, key.version());
      p.setBytes(2, legacy.nonce());
      p.setBytes(3, legacy.ciphertext());
      p.setObject(4, id);
      assertEquals(1, p.executeUpdate());
    }
    assertArrayEquals(content, attachments.download(id).orElseThrow().content(), "read as before");

    for (int i = 0;
        i < 50
            && count(
                    "select count(*) from attachment where id = ?::uuid and file_key_id is null",
                    id)
                > 0;
        i++) {
      dataKeys.resealLegacy(100);
    }
    assertEquals(
        1L,
        count(
            "select count(*) from attachment where id = ?::uuid and file_key_id is not null", id));
    assertArrayEquals(content, attachments.download(id).orElseThrow().content(), "and after");
  }

  /**
   * Two nodes' job runs at the same moment (two threads, each batch its own transaction claiming
   * rows with SKIP LOCKED) erase each due case exactly once, without an error.
   */
  @Test
  void twoRunsAtOnceEraseEachCaseOnce() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String serviceKey = journeys.publish("meldebescheinigung", "it.twice-").serviceKey();
    List<UUID> cases = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String reference =
          submitAs(
              "it-twice-" + i + "-" + suffix, "Zwei Lauf", null, "Zweilauf" + suffix, serviceKey);
      cases.add(journeys.caseOf(reference));
    }
    for (UUID c : cases) {
      superuser(
          "update case_record set status = 'WITHDRAWN', changed_at = now() - interval '6 years'"
              + " where id = ?::uuid",
          c.toString());
    }
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  int erased = 0;
                  for (int n; (n = engine.eraseDueCases(today, 2)) > 0; ) {
                    erased += n;
                  }
                  return erased;
                }));
      }
      int total = 0;
      for (java.util.concurrent.Future<Integer> run : runs) {
        total += run.get(120, java.util.concurrent.TimeUnit.SECONDS);
      }
      assertTrue(total >= cases.size(), "every case erased by one of the two: " + total);
    } finally {
      pool.shutdownNow();
    }
    for (UUID c : cases) {
      assertEquals(
          1L,
          count("select count(*) from retention_erasure where object_id = ?::uuid", c),
          "erased once: " + c);
      assertEquals(
          1L,
          count(
              "select count(*) from audit_entry where action = 'retention.case.erased' and subject_id = ?",
              c));
    }
    assertEquals(List.of(), textColumnsContaining("Zweilauf" + suffix));
    assertTrue(auditLog.verify().ok());
  }

  private static Optional<PlannedErasure> find(List<PlannedErasure> plan, UUID id) {
    return plan.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private void reject(UUID caseId, String reasons) {
    CaseOutcome claimed = work.claim(caseId, work.open(caseId).orElseThrow().version());
    assertTrue(claimed.isDone(), claimed::toString);
    CaseOutcome rejected = work.decide(caseId, claimed.version(), false, reasons);
    assertTrue(rejected.isDone(), rejected::toString);
  }

  /** Opens a sealed row (id, file key, key version, nonce, ciphertext) as the portal would. */
  private byte[] openAttachment(Object[] row) {
    return open(row, AesGcm.attachmentContext((UUID) row[0], MUSTERSTADT));
  }

  private byte[] openNotice(Object[] row) {
    return open(
        row,
        ("rathaus-notice:v1|" + row[0] + "|" + MUSTERSTADT)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private byte[] open(Object[] row, byte[] associatedData) {
    return fileKeys.open(
        MUSTERSTADT,
        (UUID) row[1],
        ((Number) row[2]).intValue(),
        (byte[]) row[3],
        (byte[]) row[4],
        associatedData);
  }

  private String submitAs(
      String subject, String name, String eidMail, String lastName, String serviceKey)
      throws Exception {
    String mail = lastName.toLowerCase(Locale.ROOT) + "@example.org";
    asCitizen(subject, name, eidMail == null ? mail : eidMail);
    return journeys.submitMeldebescheinigung(
        serviceKey, lastName, mail, eidMail == null ? mail : eidMail, name);
  }

  private void asCitizen(String subject, String name, String email) {
    caller.set(TenantScope.citizen(subject));
    identity.set(name, email);
  }

  private void asStaff(String subject) {
    caller.set(TenantScope.staff(MUSTERSTADT, subject));
    identity.set("Sachbearbeitung " + subject, subject + "@rathaus.example");
    inbox.present("Sachbearbeitung " + subject);
    signatory.set("Sachbearbeitung " + subject);
  }

  private UUID draft(String serviceKey, String lastName) throws Exception {
    ObjectNode answers =
        (ObjectNode)
            JSON.readTree(
                "{\"firstNames\":\"Erika\",\"lastName\":\""
                    + lastName
                    + "\",\"birthDate\":\"1964-08-12\"}");
    StepOutcome step = journey.saveStep(null, "musterstadt", serviceKey, null, 0, answers, 1);
    assertTrue(step.isSaved(), step.problems()::toString);
    return step.draftId();
  }

  /** "table.column" of every text-like column of every table that holds {@code value}. */
  private static List<String> textColumnsContaining(String value) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = superuser()) {
      List<String[]> columns = new ArrayList<>();
      try (PreparedStatement p =
              c.prepareStatement(
                  "select c.table_name, c.column_name from information_schema.columns c"
                      + " join information_schema.tables t on t.table_schema = c.table_schema"
                      + " and t.table_name = c.table_name"
                      + " where c.table_schema = 'public' and t.table_type = 'BASE TABLE'"
                      + " and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] column : columns) {
        try (PreparedStatement p =
            c.prepareStatement(
                "select count(*) from \""
                    + column[0]
                    + "\" where strpos(lower(\""
                    + column[1]
                    + "\"::text), lower(?)) > 0")) {
          p.setString(1, value);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              found.add(column[0] + "." + column[1]);
            }
          }
        }
      }
    }
    return found;
  }

  private static Connection superuser() throws Exception {
    Class.forName("org.postgresql.Driver");
    return DriverManager.getConnection(System.getenv("POSTGRESQL_URL"), "postgres", "postgres");
  }

  private static void superuser(String sql, String... parameters) throws Exception {
    try (Connection c = superuser();
        PreparedStatement p = prepare(c, sql, parameters)) {
      p.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, String... parameters)
      throws Exception {
    PreparedStatement p = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      p.setString(i + 1, parameters[i]);
    }
    return p;
  }

  private static Object[] one(String sql, String... parameters) throws Exception {
    try (Connection c = superuser();
        PreparedStatement p = prepare(c, sql, parameters)) {
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next(), sql);
        Object[] row = new Object[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        return row;
      }
    }
  }

  private static long count(String sql, Object parameter) throws Exception {
    return ((Number) one(sql, parameter.toString())[0]).longValue();
  }
}
