package eu.rathaus.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.appointments.application.Appointments;
import eu.rathaus.appointments.domain.Slot;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.cases.application.CaseDetails;
import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.cases.application.InboxPage;
import eu.rathaus.cases.application.InboxQuery;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.MailboxIdentity;
import eu.rathaus.messaging.application.OutgoingFile;
import eu.rathaus.notices.application.DecisionNotices;
import eu.rathaus.notices.application.NoticeSignatory;
import eu.rathaus.privacy.application.PersonalDataExport;
import eu.rathaus.privacy.application.PrivacyNotice;
import eu.rathaus.privacy.application.PrivacyNotices;
import eu.rathaus.privacy.application.PrivacyRequests;
import eu.rathaus.privacy.application.SignedInIdentity;
import eu.rathaus.privacy.domain.ProcessingActivity;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Meine Daten" (issue 15, GDPR Art. 15) against the real database: Erika has an application with a
 * fee, a draft, an uploaded file, a mailbox conversation with a file, a notice and an appointment,
 * and a clerk has opened her case; Max has his own application and draft. Erika's archive holds
 * every kind of her data (files byte for byte, the clerk in the access log) and nothing of Max;
 * only a citizen can export, and the export is audited.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final UUID DEMO_APPOINTMENT_TYPE =
      UUID.fromString("5e1c0a27-0000-4000-8000-000000000021");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(PrivacyIT.class);
  }

  @Inject ItJourneys journeys;
  @Inject ApplicationJourney journey;
  @Inject AttachmentService attachments;
  @Inject Mailbox mailbox;
  @Inject MailboxIdentity identity;
  @Inject CaseInbox inbox;
  @Inject CaseWork work;
  @Inject DecisionNotices notices;
  @Inject NoticeSignatory signatory;
  @Inject Appointments appointments;
  @Inject PersonalDataExport export;
  @Inject PrivacyNotices privacy;
  @Inject PrivacyRequests requests;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  @Test
  void erikasArchiveHoldsAllHerKindsOfDataAndNothingOfMax() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String erika = "it-export-erika-" + suffix;
    String max = "it-export-max-" + suffix;
    String clerk = "it-export-clerk-" + suffix;
    String clerkName = "Mia Prüferin " + suffix;
    String serviceKey = journeys.publish("meldebescheinigung", "it.export-").serviceKey();

    // Erika: an application, a draft with an uploaded file.
    String reference = submitAs(erika, "Erika Export", "Exportfrau-" + suffix, serviceKey);
    UUID caseId = journeys.caseOf(reference);
    UUID draft = draft(serviceKey, "Entwurf-" + suffix);
    byte[] upload = ItJourneys.pdf("erika upload " + suffix);
    UploadOutcome uploaded =
        attachments.upload(
            erika,
            MUSTERSTADT,
            draft,
            "nachweis.pdf",
            new ByteArrayInputStream(upload),
            new AttachmentRules(3, 1_000_000, List.of("application/pdf")));
    assertTrue(uploaded.isStored(), uploaded::toString);

    // Max: his own application and draft.
    String maxReference = submitAs(max, "Max Fremd", "Fremdmann-" + suffix, serviceKey);
    draft(serviceKey, "Fremdentwurf-" + suffix);

    // The clerk opens both cases, asks Erika for information and issues her a notice.
    caller.set(TenantScope.staff(MUSTERSTADT, clerk));
    identity.set(clerkName, clerk + "@rathaus.example");
    inbox.present(clerkName);
    work.open(caseId).orElseThrow();
    work.open(journeys.caseOf(maxReference)).orElseThrow();
    mailbox.postToApplicant(caseId, "Bitte Nachweis " + suffix, List.of());
    signatory.set(clerkName);
    byte[] notice = notices.issue(caseId, true, "Bewilligt " + suffix).pdf();

    // Erika answers with a file and books an appointment.
    asCitizen(erika, "Erika Export", "erika-" + suffix + "@example.org");
    UUID thread =
        mailbox.myThreads().stream()
            .filter(t -> caseId.equals(t.caseId()))
            .findFirst()
            .orElseThrow()
            .id();
    byte[] replyFile = ItJourneys.pdf("erika reply " + suffix);
    assertTrue(
        mailbox
            .reply(
                thread,
                "Anbei mein Nachweis " + suffix,
                List.of(new OutgoingFile("antwort.pdf", "application/pdf", replyFile)))
            .isPosted());
    Slot slot =
        appointments.freeSlots(DEMO_APPOINTMENT_TYPE).values().stream()
            .flatMap(List::stream)
            .findFirst()
            .orElseThrow();
    assertTrue(
        appointments
            .book(
                DEMO_APPOINTMENT_TYPE,
                slot.start(),
                "termin-" + suffix + "@example.org",
                null,
                Locale.GERMAN)
            .isSuccess());

    Map<String, byte[]> zip =
        unzip(export(new SignedInIdentity("Erika Export", "erika@eid.example", "SUBSTANTIAL")));

    for (String name :
        List.of(
            "overview.html",
            "profile.json",
            "applications.json",
            "drafts.json",
            "attachments.json",
            "messages.json",
            "notices.json",
            "payments.json",
            "appointments.json",
            "access-log.json")) {
      assertTrue(zip.containsKey(name), name + " in " + zip.keySet());
    }
    String applications = text(zip, "applications.json");
    assertTrue(applications.contains(reference));
    assertTrue(applications.contains("Exportfrau-" + suffix), "answers are exported");
    assertTrue(text(zip, "drafts.json").contains("Entwurf-" + suffix));
    assertTrue(
        text(zip, "profile.json").contains("exportfrau-" + suffix + "@example.org"),
        "the address given in the application");
    assertTrue(text(zip, "profile.json").contains(erika));
    String messages = text(zip, "messages.json");
    assertTrue(messages.contains("Bitte Nachweis " + suffix));
    assertTrue(messages.contains("Anbei mein Nachweis " + suffix));
    assertTrue(text(zip, "payments.json").contains(reference), "the fee of her application");
    assertTrue(text(zip, "appointments.json").contains("termin-" + suffix + "@example.org"));
    assertTrue(text(zip, "notices.json").contains(reference));

    // Files decrypted, byte for byte.
    assertTrue(containsFile(zip, "files/", "nachweis.pdf", upload), zip.keySet().toString());
    assertTrue(containsFile(zip, "files/", "antwort.pdf", replyFile), zip.keySet().toString());
    assertTrue(containsFile(zip, "notices/", ".pdf", notice), zip.keySet().toString());

    // The read log names the clerk, her municipality and what was done; not Erika's own actions.
    String log = text(zip, "access-log.json");
    assertTrue(log.contains("case.read"), log);
    assertTrue(log.contains(clerkName), log);
    assertTrue(log.contains("Musterstadt"), log);
    assertFalse(log.contains("attachment.uploaded"), "her own upload is no access by others");

    String overview = text(zip, "overview.html");
    assertTrue(overview.startsWith("<!DOCTYPE html>\n<html lang=\"de\">"), overview);
    assertTrue(overview.contains(reference));
    assertTrue(overview.contains(clerkName));
    assertTrue(overview.contains("Antrag geöffnet und gelesen"));

    // Nothing of Max, in any file.
    for (Map.Entry<String, byte[]> entry : zip.entrySet()) {
      String content = new String(entry.getValue(), StandardCharsets.ISO_8859_1);
      for (String foreign :
          List.of(
              maxReference, "Fremdmann-" + suffix, "Fremdentwurf-" + suffix, max, "Max Fremd")) {
        assertFalse(content.contains(foreign), entry.getKey() + " contains " + foreign);
      }
    }

    // The export is audited.
    assertEquals(
        1L,
        ((Number)
                transactions.call(
                    TenantScope.platform("it"),
                    () ->
                        em.createNativeQuery(
                                "select count(*) from audit_entry where action = 'privacy.exported'"
                                    + " and actor = ?1")
                            .setParameter(1, erika)
                            .getSingleResult()))
            .longValue());

    // English overview for an English portal language.
    ByteArrayOutputStream english = new ByteArrayOutputStream();
    export.write(english, Locale.ENGLISH, null);
    String overviewEn = text(unzip(english.toByteArray()), "overview.html");
    assertTrue(overviewEn.contains("<html lang=\"en\">"));
    assertTrue(overviewEn.contains("Who read your data?"));
  }

  /**
   * The privacy notice lists what Musterstadt offers, a service published a moment ago included,
   * with rules from its configuration; Beispielheim's notice and records do not list it.
   */
  @Test
  void privacyNoticeAndRecordsAreGeneratedFromTheServicesOfTheirMunicipality() throws Exception {
    String serviceKey = journeys.publish("bewohnerparkausweis", "it.notice-").serviceKey();
    PrivacyNotice musterstadt = privacy.forMunicipality("musterstadt").orElseThrow();
    assertEquals("Musterstadt", musterstadt.municipalityName());
    ProcessingActivity parking =
        musterstadt.activities().stream()
            .filter(a -> a.serviceKey().equals(serviceKey))
            .findFirst()
            .orElseThrow();
    assertTrue(parking.files());
    assertTrue(parking.recipients().contains("paymentProvider"));
    assertTrue(parking.legalBases().contains("feesAndBudget"));
    assertTrue(privacy.forMunicipality("gibt-es-nicht").isEmpty());

    caller.set(TenantScope.staff(MUSTERSTADT, "it-records"));
    assertTrue(
        privacy.ownRecords().activities().stream()
            .anyMatch(a -> a.serviceKey().equals(serviceKey)));
    caller.set(TenantScope.staff(ItJourneys.BEISPIELHEIM, "it-records"));
    assertEquals("Beispielheim", privacy.ownRecords().municipalityName());
    assertFalse(
        privacy.ownRecords().activities().stream()
            .anyMatch(a -> a.serviceKey().equals(serviceKey)));
    assertFalse(
        privacy.forMunicipality("beispielheim").orElseThrow().activities().stream()
            .anyMatch(a -> a.serviceKey().equals(serviceKey)));
    caller.set(TenantScope.citizen("it-records-citizen"));
    assertThrows(SecurityException.class, () -> privacy.ownRecords());
  }

  /**
   * Art. 16/17/21: a request becomes a case of the chosen municipality with the one-month deadline
   * (30 days); bad input stores nothing; the same form twice files one request.
   */
  @Test
  void aDataProtectionRequestBecomesACaseWithAOneMonthDeadline() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String citizen = "it-request-" + suffix;
    asCitizen(citizen, "Rita Request", "rita-" + suffix + "@example.org");
    assertTrue(
        requests.municipalities().stream().anyMatch(m -> m.slug().equals("musterstadt")),
        "the demo catalogue offers the request in Musterstadt");

    // An unknown right, an unknown municipality: refused with a message, nothing stored.
    for (String[] bad : new String[][] {{"musterstadt", "bogus"}, {"gibt-es-nicht", "erasure"}}) {
      PrivacyRequests.Outcome refused =
          requests.submit(
              bad[0], bad[1], "Bitte löschen", UUID.randomUUID().toString(), null, null, "de");
      assertFalse(refused.isSubmitted(), String.join(" ", bad));
      assertFalse(refused.problems().isEmpty(), String.join(" ", bad));
    }
    assertEquals(
        0L, count("select count(*) from case_record where applicant_subject = ?1", citizen));

    String key = UUID.randomUUID().toString();
    PrivacyRequests.Outcome filed =
        requests.submit(
            "musterstadt",
            "erasure",
            "Bitte löschen Sie meine Daten " + suffix,
            key,
            "rita-" + suffix + "@example.org",
            "Rita Request",
            "de");
    assertTrue(filed.isSubmitted(), filed.problems()::toString);
    assertEquals(
        filed.reference(),
        requests
            .submit("musterstadt", "erasure", "noch einmal " + suffix, key, null, null, "de")
            .reference(),
        "the same form twice is one request");

    Object[] row =
        transactions.call(
            TenantScope.platform("it"),
            () ->
                (Object[])
                    em.createNativeQuery(
                            "select c.municipality_id, c.status, c.processing_days,"
                                + " c.due_date - (c.submitted_at at time zone 'Europe/Berlin')::date,"
                                + " a.answers ->> 'right', a.answers ->> 'details'"
                                + " from case_record c join case_application a on a.id = c.application_id"
                                + " where c.reference_number = ?1")
                        .setParameter(1, filed.reference())
                        .getSingleResult());
    assertEquals(MUSTERSTADT, row[0]);
    assertEquals("SUBMITTED", row[1]);
    assertEquals(30, ((Number) row[2]).intValue());
    assertEquals(30, ((Number) row[3]).intValue(), "due one month (30 days) after submission");
    assertEquals("erasure", row[4]);
    assertEquals("Bitte löschen Sie meine Daten " + suffix, row[5]);
    assertEquals(
        1L, count("select count(*) from case_record where applicant_subject = ?1", citizen));

    caller.set(TenantScope.staff(MUSTERSTADT, "it-request-staff"));
    assertThrows(
        SecurityException.class,
        () ->
            requests.submit(
                "musterstadt", "erasure", "x", UUID.randomUUID().toString(), null, null, "de"));
  }

  /**
   * A data protection request is a case for the municipality's data protection role only: a clerk
   * without the role finds it neither in the inbox nor by its id, cannot take it, and PostgreSQL's
   * row-level security hides it from such a scope on its own (V65); staff holding the role list,
   * open and take it.
   */
  @Test
  void aDataProtectionRequestIsSeenAndWorkedOnlyByTheDataProtectionRole() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    asCitizen("it-dp-" + suffix, "Dora Datenschutz" + suffix, "dora-" + suffix + "@example.org");
    PrivacyRequests.Outcome filed =
        requests.submit(
            "musterstadt",
            "objection",
            "Ich widerspreche " + suffix,
            UUID.randomUUID().toString(),
            null,
            "Dora Datenschutz" + suffix,
            "de");
    assertTrue(filed.isSubmitted(), filed.problems()::toString);
    UUID caseId = journeys.caseOf(filed.reference());

    TenantScope clerk = TenantScope.staff(MUSTERSTADT, "it-dp-clerk-" + suffix);
    caller.set(clerk);
    inbox.present("Sachbearbeitung " + suffix);
    InboxPage clerksPage = inbox.page(InboxQuery.all(10).withSearch(filed.reference()));
    assertTrue(clerksPage.rows().isEmpty());
    assertTrue(work.open(caseId).isEmpty(), "not even by its id");
    assertFalse(work.claim(caseId, 0).isDone());
    String byId = "select count(*) from case_record where id = cast(?1 as uuid)";
    assertEquals(0L, countIn(clerk, byId, caseId.toString()), "row-level security alone");

    TenantScope officer =
        TenantScope.staff(
            MUSTERSTADT, "it-dp-officer-" + suffix, Set.of(TenantScope.DATA_PROTECTION));
    assertEquals(1L, countIn(officer, byId, caseId.toString()));
    caller.set(officer);
    inbox.present("Datenschutz " + suffix);
    InboxPage officersPage = inbox.page(InboxQuery.all(10).withSearch(filed.reference()));
    assertEquals(List.of(caseId), officersPage.rows().stream().map(r -> r.caseId()).toList());

    // The per-status counters above the inbox (V74) count what each of them may see: every status
    // agrees with the cases their scope reads, and the officer's counts hold the request besides.
    CaseStatus status =
        CaseStatus.valueOf(
            (String)
                transactions.call(
                    TenantScope.platform("it"),
                    () ->
                        em.createNativeQuery(
                                "select status from case_record where id = cast(?1 as uuid)")
                            .setParameter(1, caseId.toString())
                            .getSingleResult()));
    String byStatus =
        "select count(*) from case_record where municipality_id = '"
            + MUSTERSTADT
            + "' and status = ?1";
    for (CaseStatus s : CaseStatus.values()) {
      assertEquals(countIn(clerk, byStatus, s.name()), clerksPage.counts().get(s), "clerk " + s);
      assertEquals(
          countIn(officer, byStatus, s.name()), officersPage.counts().get(s), "officer " + s);
    }
    String reservedHere =
        "select count(*) from case_record where municipality_id = '"
            + MUSTERSTADT
            + "' and staff_role = 'data-protection' and status = ?1";
    long reserved = count(reservedHere, status.name());
    assertTrue(reserved >= 1);
    assertEquals(
        clerksPage.counts().get(status) + reserved,
        (long) officersPage.counts().get(status),
        "the officer counts the data protection cases, the clerk does not");
    // And row-level security alone hides the reserved counts from the clerk's scope.
    String reservedCounts =
        "select count(*) from case_status_count where staff_role is not null and status = ?1";
    assertEquals(0L, countIn(clerk, reservedCounts, status.name()));
    assertTrue(countIn(officer, reservedCounts, status.name()) >= 1);
    CaseDetails opened = work.open(caseId).orElseThrow();
    assertTrue(work.claim(caseId, opened.version()).isDone());
    assertTrue(work.addNote(caseId, "Akte geprüft " + suffix).isDone());
    // What hangs on the case (timeline, internal notes) is hidden from the clerk's scope as well.
    String events = "select count(*) from case_event where case_id = cast(?1 as uuid)";
    String notes = "select count(*) from case_note where case_id = cast(?1 as uuid)";
    assertTrue(countIn(officer, events, caseId.toString()) > 0);
    assertEquals(1L, countIn(officer, notes, caseId.toString()));
    assertEquals(0L, countIn(clerk, events, caseId.toString()));
    assertEquals(0L, countIn(clerk, notes, caseId.toString()));

    // Another municipality's data protection role sees nothing of it.
    caller.set(
        TenantScope.staff(
            ItJourneys.BEISPIELHEIM, "it-dp-other-" + suffix, Set.of(TenantScope.DATA_PROTECTION)));
    assertTrue(work.open(caseId).isEmpty());
  }

  private long countIn(TenantScope scope, String sql, Object parameter) throws Exception {
    return ((Number)
            transactions.call(
                scope,
                () -> em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()))
        .longValue();
  }

  private long count(String sql, Object parameter) throws Exception {
    return ((Number)
            transactions.call(
                TenantScope.platform("it"),
                () -> em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()))
        .longValue();
  }

  @Test
  void onlyASignedInCitizenCanExport() {
    caller.set(TenantScope.staff(MUSTERSTADT, "it-export-staff"));
    assertThrows(SecurityException.class, () -> export(null));
    caller.set(TenantScope.anonymous());
    assertThrows(SecurityException.class, () -> export(null));
    caller.set(TenantScope.platform("it"));
    assertThrows(SecurityException.class, () -> export(null));
  }

  private byte[] export(SignedInIdentity who) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(out, Locale.GERMAN, who);
    return out.toByteArray();
  }

  /**
   * {@code subject} signs in as {@code name} (mail: the last name at example.org) and submits a
   * Meldebescheinigung with {@code lastName}; returns the reference.
   */
  private String submitAs(String subject, String name, String lastName, String serviceKey)
      throws Exception {
    String mail = lastName.toLowerCase(Locale.ROOT) + "@example.org";
    asCitizen(subject, name, mail);
    return journeys.submitMeldebescheinigung(serviceKey, lastName, mail, mail, name);
  }

  private void asCitizen(String subject, String name, String email) {
    caller.set(TenantScope.citizen(subject));
    identity.set(name, email);
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

  private static Map<String, byte[]> unzip(byte[] archive) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String text(Map<String, byte[]> zip, String name) {
    return new String(zip.get(name), StandardCharsets.UTF_8);
  }

  private static boolean containsFile(
      Map<String, byte[]> zip, String folder, String nameEnd, byte[] content) {
    return zip.entrySet().stream()
        .anyMatch(
            e ->
                e.getKey().startsWith(folder)
                    && e.getKey().endsWith(nameEnd)
                    && java.util.Arrays.equals(e.getValue(), content));
  }
}
