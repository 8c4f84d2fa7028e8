package eu.rathaus.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.audit.application.AuditTrail;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.ApplicantReplied;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.MailboxIdentity;
import eu.rathaus.messaging.application.MailboxRefusedException;
import eu.rathaus.messaging.application.MessageItem;
import eu.rathaus.messaging.application.OutgoingFile;
import eu.rathaus.messaging.application.PostOutcome;
import eu.rathaus.messaging.application.ThreadDetail;
import eu.rathaus.messaging.application.ThreadSummary;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The secure mailbox against the real database and clamd: a clerk writes to an applicant (the
 * case's thread appears, a content-free notice is queued), the citizen's first opening is the read
 * receipt staff see, unread counts on both sides, replies with files fire {@link ApplicantReplied},
 * bad input is refused with nothing stored, text is kept verbatim, and nobody outside the thread
 * (another municipality's staff, another citizen, the platform) sees anything — in the service and
 * in PostgreSQL's row-level security. Other tests also write to Musterstadt: every assertion looks
 * only at this test's own rows.
 */
@ExtendWith(ArquillianExtension.class)
class MailboxIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  static final String EICAR =
      "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(MailboxIT.class, RepliedRecorder.class);
  }

  /**
   * Records the events the mailbox fires, for the assertions (methods only: the test sees a client
   * proxy).
   */
  @ApplicationScoped
  public static class RepliedRecorder {
    private final List<ApplicantReplied> events = Collections.synchronizedList(new ArrayList<>());

    void on(@Observes ApplicantReplied event) {
      events.add(event);
    }

    public List<ApplicantReplied> events() {
      return List.copyOf(events);
    }

    public void clear() {
      events.clear();
    }
  }

  @Inject Mailbox mailbox;
  @Inject MailboxIdentity identity;
  @Inject ItJourneys journeys;
  @Inject AuditTrail auditTrail;
  @Inject CallerScope caller;
  @Inject RepliedRecorder recorder;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private String serviceKey;
  private String erika;
  private String erikaMail;
  private String max;

  @BeforeEach
  void publishAService() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    erika = "it-erika-" + suffix;
    erikaMail = "erika-" + suffix + "@example.org";
    max = "it-max-" + suffix;
    serviceKey = journeys.publish("meldebescheinigung", "it.mailbox-").serviceKey();
  }

  /** Erika submits an application to Musterstadt; returns the case id. */
  private UUID submittedCase() throws Exception {
    return submittedCase(erikaMail);
  }

  /**
   * Erika (signed in with {@code erikaMail}) submits an application naming {@code formEmail} in the
   * form's notification field; returns the case id.
   */
  private UUID submittedCase(String formEmail) throws Exception {
    asCitizen(erika, "Erika Mustermann", erikaMail);
    return journeys.caseOf(
        journeys.submitMeldebescheinigung(serviceKey, "Mustermann", formEmail, erikaMail, null));
  }

  private void asCitizen(String subject, String name, String email) {
    caller.set(TenantScope.citizen(subject));
    identity.set(name, email);
  }

  private void asStaff(UUID municipality, String subject, String name) {
    caller.set(TenantScope.staff(municipality, subject));
    identity.set(name, subject + "@rathaus.example");
  }

  private static List<String> keys(PostOutcome outcome) {
    return outcome.problems().stream().map(FieldProblem::messageKey).toList();
  }

  @Test
  void staffWriteTheCitizenReadsRepliesAndStaffSeeTheReceipt() throws Exception {
    UUID caseId = submittedCase();

    asStaff(MUSTERSTADT, "it-clerk-1", "Clara Clerk");
    ThreadDetail before = mailbox.caseThread(caseId).orElseThrow();
    assertNull(before.id(), "no thread before the first message");
    byte[] request = ItJourneys.pdf("request " + caseId);
    UUID messageId =
        mailbox.postToApplicant(
            caseId,
            "Bitte reichen Sie die Meldebestätigung nach.",
            List.of(new OutgoingFile("Formular.pdf", "application/pdf", request)));

    // The notice to Erika: queued, to the address of her application, with a link and no content.
    List<?> notices =
        transactions.call(
            TenantScope.platform("it"),
            () ->
                em.createNativeQuery(
                        "select parameters::text from notification_outbox where recipient_email = ?1 and template_key = ?2")
                    .setParameter(1, erikaMail)
                    .setParameter(2, Mailbox.MESSAGE_NOTICE)
                    .getResultList());
    assertEquals(1, notices.size());
    assertFalse(
        notices.get(0).toString().contains("Meldebestätigung"), "the notice carries no content");

    // Erika: one thread with one unread message; opening it is the receipt.
    asCitizen(erika, "Erika Mustermann", erikaMail);
    ThreadSummary summary =
        mailbox.myThreads().stream()
            .filter(t -> caseId.equals(t.caseId()))
            .findFirst()
            .orElseThrow();
    assertEquals(1, summary.unread());
    assertEquals(1, mailbox.myUnread());
    ThreadDetail opened = mailbox.open(summary.id()).orElseThrow();
    MessageItem first = opened.messages().get(0);
    assertEquals(messageId, first.id());
    assertTrue(first.newForViewer(), "unread marker on the first opening");
    assertNotNull(first.readAt());
    assertEquals("Clara Clerk", first.authorName());
    assertEquals(1, first.attachments().size());
    assertArrayEquals(
        request,
        mailbox
            .download(summary.id(), messageId, first.attachments().get(0).id())
            .orElseThrow()
            .content(),
        "the citizen opens the clerk's file");
    assertEquals(0, mailbox.myUnread());
    assertFalse(
        mailbox.open(summary.id()).orElseThrow().messages().get(0).newForViewer(),
        "read stays read");

    // Erika replies with a PDF: the case hears of it in the same transaction.
    recorder.clear();
    byte[] answer = ItJourneys.pdf("answer " + caseId);
    PostOutcome reply =
        mailbox.reply(
            summary.id(),
            "Anbei die Bestätigung.",
            List.of(new OutgoingFile("Bestätigung.pdf", "application/pdf", answer)));
    assertTrue(reply.isPosted(), reply.problems()::toString);
    assertEquals(
        List.of(new ApplicantReplied(caseId, summary.id(), reply.messageId())), recorder.events());

    // Staff see the receipt, the reply marked new once, the file; and the read is audited.
    asStaff(MUSTERSTADT, "it-clerk-2", "Bernd Beamter");
    ThreadDetail staffView = mailbox.caseThread(caseId).orElseThrow();
    assertEquals(2, staffView.messages().size());
    assertEquals(
        first.readAt(), staffView.messages().get(0).readAt(), "the receipt is what staff see");
    assertTrue(staffView.messages().get(1).newForViewer());
    assertFalse(staffView.messages().get(1).isFromStaff());
    assertArrayEquals(
        answer,
        mailbox
            .download(
                staffView.id(),
                reply.messageId(),
                staffView.messages().get(1).attachments().get(0).id())
            .orElseThrow()
            .content());
    assertFalse(mailbox.caseThread(caseId).orElseThrow().messages().get(1).newForViewer());
    assertTrue(
        mailbox.generalThreads().stream().noneMatch(t -> t.id().equals(staffView.id())),
        "case threads are not among the general ones");
    List<String> audited =
        auditTrail.recent(200).stream()
            .filter(r -> staffView.id().toString().equals(r.subjectId()))
            .map(r -> r.action() + " " + r.actor())
            .toList();
    assertTrue(audited.contains("mailbox.thread.read it-clerk-2"), audited::toString);
    assertTrue(audited.contains("mailbox.message.posted it-clerk-1"), audited::toString);
    assertTrue(audited.contains("mailbox.message.posted " + erika), audited::toString);
    assertTrue(audited.contains("mailbox.receipt " + erika), audited::toString);
  }

  private List<?> outboxTo(String address, String template) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            em.createNativeQuery(
                    "select id from notification_outbox where recipient_email = ?1 and template_key = ?2")
                .setParameter(1, address)
                .setParameter(2, template)
                .getResultList());
  }

  @Test
  void theAddressGivenInTheFormReceivesTheCasesNotificationsNotTheSignInAddress() throws Exception {
    String formMail =
        "erika-notify-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    UUID caseId = submittedCase(formMail);

    assertEquals(1, outboxTo(formMail, ApplicationJourney.SUBMITTED_NOTICE).size());
    assertEquals(0, outboxTo(erikaMail, ApplicationJourney.SUBMITTED_NOTICE).size());

    asStaff(MUSTERSTADT, "it-clerk-1", "Clara Clerk");
    mailbox.postToApplicant(caseId, "Bitte melden Sie sich.", List.of());
    assertEquals(1, outboxTo(formMail, Mailbox.MESSAGE_NOTICE).size());

    // Erika reads and answers while signed in with her eID address: the case keeps the address
    // she gave with the application.
    asCitizen(erika, "Erika Mustermann", erikaMail);
    UUID threadId =
        mailbox.myThreads().stream()
            .filter(t -> caseId.equals(t.caseId()))
            .findFirst()
            .orElseThrow()
            .id();
    mailbox.open(threadId).orElseThrow();
    mailbox.reply(threadId, "Gerne.", List.of());
    asStaff(MUSTERSTADT, "it-clerk-1", "Clara Clerk");
    mailbox.postToApplicant(caseId, "Danke.", List.of());
    assertEquals(2, outboxTo(formMail, Mailbox.MESSAGE_NOTICE).size());
    assertEquals(0, outboxTo(erikaMail, Mailbox.MESSAGE_NOTICE).size());
  }

  @Test
  void aCitizenStartsAGeneralThreadWithTextKeptVerbatim() throws Exception {
    String script = "<script>alert('x')</script>\n  & \"Anführung\" <b>fett</b>  ";
    asCitizen(erika, "Erika Mustermann", erikaMail);
    PostOutcome started =
        mailbox.startThread(MUSTERSTADT, "Frage zur Müllabfuhr", script, List.of());
    assertTrue(started.isPosted(), started.problems()::toString);
    assertEquals(script, mailbox.open(started.threadId()).orElseThrow().messages().get(0).body());

    asStaff(MUSTERSTADT, "it-clerk-1", "Clara Clerk");
    ThreadSummary general =
        mailbox.generalThreads().stream()
            .filter(t -> t.id().equals(started.threadId()))
            .findFirst()
            .orElseThrow();
    assertEquals(1, general.unread(), "the citizen's message is unread for the office");
    assertEquals(script, mailbox.open(started.threadId()).orElseThrow().messages().get(0).body());
    assertEquals(
        0,
        mailbox.generalThreads().stream()
            .filter(t -> t.id().equals(started.threadId()))
            .findFirst()
            .orElseThrow()
            .unread());
    assertTrue(
        mailbox
            .writeToThread(started.threadId(), "Die Abfuhr ist dienstags.", List.of())
            .isPosted());
    asCitizen(erika, "Erika Mustermann", erikaMail);
    assertEquals(
        1,
        mailbox.myThreads().stream()
            .filter(t -> t.id().equals(started.threadId()))
            .findFirst()
            .orElseThrow()
            .unread());

    assertEquals(
        List.of("mailbox.error.municipality"),
        keys(mailbox.startThread(UUID.randomUUID(), "Betreff", "Text", List.of())));
    assertEquals(
        List.of("mailbox.error.titleEmpty"),
        keys(mailbox.startThread(MUSTERSTADT, " ", "Text", List.of())));
  }

  @Test
  void emptyOversizedAndInfectedMessagesAreRefusedWithNothingStored() throws Exception {
    UUID caseId = submittedCase();
    asStaff(MUSTERSTADT, "it-clerk-1", "Clara Clerk");
    assertEquals(List.of("mailbox.error.empty"), keys(mailbox.writeToCase(caseId, "", List.of())));
    assertEquals(
        List.of("mailbox.error.empty"), keys(mailbox.writeToCase(caseId, " \n\t ", List.of())));
    assertEquals(
        List.of("mailbox.error.tooLong"),
        keys(mailbox.writeToCase(caseId, "x".repeat(10_001), List.of())));
    assertThrows(
        MailboxRefusedException.class, () -> mailbox.postToApplicant(caseId, "  ", List.of()));
    byte[] infected = ("%PDF-1.4\n% " + EICAR + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    PostOutcome eicar =
        mailbox.writeToCase(
            caseId,
            "Anbei",
            List.of(
                new OutgoingFile("ok.pdf", "application/pdf", ItJourneys.pdf("ok")),
                new OutgoingFile("harmlos.pdf", "application/pdf", infected)));
    assertEquals(List.of("attachment.error.malware"), keys(eicar));
    assertEquals("harmlos.pdf", eicar.problems().get(0).arguments().get(0));
    List<OutgoingFile> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(new OutgoingFile("f" + i + ".pdf", "application/pdf", ItJourneys.pdf("f" + i)));
    }
    assertEquals(
        List.of("mailbox.error.tooManyFiles"), keys(mailbox.writeToCase(caseId, "Anbei", six)));
    assertEquals(
        List.of("attachment.error.typeMismatch"),
        keys(
            mailbox.writeToCase(
                caseId,
                "Anbei",
                List.of(new OutgoingFile("bild.png", "image/png", ItJourneys.pdf("lying name"))))));
    assertNull(
        mailbox.caseThread(caseId).orElseThrow().id(), "nothing was stored, not even the thread");

    PostOutcome ok = mailbox.writeToCase(caseId, "x".repeat(10_000), List.of());
    assertTrue(ok.isPosted(), "exactly the limit is fine");
    asCitizen(erika, "Erika Mustermann", erikaMail);
    assertEquals(
        List.of("mailbox.error.empty"), keys(mailbox.reply(ok.threadId(), "   ", List.of())));
    assertEquals(1, mailbox.open(ok.threadId()).orElseThrow().messages().size());
  }

  @Test
  void nobodyOutsideTheThreadSeesIt() throws Exception {
    UUID caseId = submittedCase();
    asStaff(MUSTERSTADT, "it-clerk-1", "Clara Clerk");
    UUID messageId =
        mailbox.postToApplicant(
            caseId,
            "Nur für Erika",
            List.of(
                new OutgoingFile(
                    "Geheim.pdf", "application/pdf", ItJourneys.pdf("secret " + caseId))));
    ThreadDetail thread = mailbox.caseThread(caseId).orElseThrow();
    UUID threadId = thread.id();
    UUID fileId = thread.messages().get(0).attachments().get(0).id();

    asStaff(BEISPIELHEIM, "it-bsp-clerk", "Beispielheim");
    assertTrue(mailbox.caseThread(caseId).isEmpty());
    assertTrue(mailbox.open(threadId).isEmpty());
    assertTrue(mailbox.writeToCase(caseId, "Hallo", List.of()).notFound());
    assertTrue(mailbox.writeToThread(threadId, "Hallo", List.of()).notFound());
    assertTrue(mailbox.download(threadId, messageId, fileId).isEmpty());
    assertTrue(mailbox.generalThreads().stream().noneMatch(t -> t.id().equals(threadId)));

    asCitizen(max, "Max Muster", "max@example.org");
    assertTrue(mailbox.open(threadId).isEmpty());
    assertTrue(mailbox.reply(threadId, "Hallo", List.of()).notFound());
    assertTrue(mailbox.download(threadId, messageId, fileId).isEmpty());
    assertTrue(mailbox.myThreads().isEmpty());
    assertTrue(mailbox.open(UUID.randomUUID()).isEmpty());

    // Row-level security, the same question asked of PostgreSQL directly.
    String threads = "select count(*) from mailbox_thread where id = ?1";
    String messages = "select count(*) from mailbox_message where thread_id = ?1";
    String files = "select count(*) from attachment where message_id = ?1";
    assertEquals(
        List.of(1L, 1L, 1L),
        counts(
            TenantScope.staff(MUSTERSTADT, "it"), threadId, messageId, threads, messages, files));
    assertEquals(
        List.of(1L, 1L, 1L),
        counts(TenantScope.citizen(erika), threadId, messageId, threads, messages, files));
    assertEquals(
        List.of(0L, 0L, 0L),
        counts(
            TenantScope.staff(BEISPIELHEIM, "it"), threadId, messageId, threads, messages, files));
    assertEquals(
        List.of(0L, 0L, 0L),
        counts(TenantScope.citizen(max), threadId, messageId, threads, messages, files));
    assertEquals(
        List.of(0L, 0L, 0L),
        counts(TenantScope.platform("it"), threadId, messageId, threads, messages, files));
    assertEquals(
        List.of(0L, 0L, 0L),
        counts(TenantScope.anonymous(), threadId, messageId, threads, messages, files));
  }

  private List<Long> counts(
      TenantScope scope,
      UUID threadId,
      UUID messageId,
      String threads,
      String messages,
      String files)
      throws Exception {
    return transactions.call(
        scope,
        () ->
            List.of(
                ((Number) em.createNativeQuery(threads).setParameter(1, threadId).getSingleResult())
                    .longValue(),
                ((Number)
                        em.createNativeQuery(messages).setParameter(1, threadId).getSingleResult())
                    .longValue(),
                ((Number) em.createNativeQuery(files).setParameter(1, messageId).getSingleResult())
                    .longValue()));
  }
}
