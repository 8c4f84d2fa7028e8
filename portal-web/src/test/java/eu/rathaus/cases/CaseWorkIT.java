package eu.rathaus.cases;

import static eu.rathaus.cases.CaseFixtures.BEISPIELHEIM;
import static eu.rathaus.cases.CaseFixtures.MUSTERSTADT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.cases.application.CaseDetails;
import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.cases.domain.CaseAction;
import eu.rathaus.cases.domain.CaseEvent;
import eu.rathaus.cases.domain.CaseRecord;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.MessageItem;
import eu.rathaus.notices.application.DecisionNotices;
import eu.rathaus.notices.application.NoticeSummary;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.PdfText;
import eu.rathaus.web.it.RacingRequests;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case work against the real database: two clerks claiming at once (one wins, the other is told
 * who), every allowed and refused transition through the service, the paused deadline, timeline and
 * audit entries for reads and transitions, and tenant scoping in the service layer and in row-level
 * security (Beispielheim's clerk never sees a Musterstadt case; citizens never see notes).
 */
@ExtendWith(ArquillianExtension.class)
class CaseWorkIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(CaseWorkIT.class, CaseFixtures.class);
  }

  @Inject CaseWork work;
  @Inject DecisionNotices notices;
  @Inject Mailbox mailbox;
  @Inject CaseInbox inbox;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;
  @Inject RacingRequests races;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private CaseFixtures fixtures;
  private String anna;
  private String bert;
  private String ben;
  private String erika;

  @BeforeEach
  void setUp() throws Exception {
    fixtures = new CaseFixtures(journeys, caller, transactions, em).publishService();
    anna = "it-anna-" + fixtures.suffix;
    bert = "it-bert-" + fixtures.suffix;
    ben = "it-ben-" + fixtures.suffix;
    erika = "it-erika-" + fixtures.suffix;
    asStaff(MUSTERSTADT, anna);
    inbox.present("Anna Amtfrau");
    asStaff(MUSTERSTADT, bert);
    inbox.present("Bert Beamter");
    asStaff(BEISPIELHEIM, ben);
    inbox.present("Ben Sachbearbeiter");
    caller.set(null);
  }

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  private void asStaff(UUID municipality, String subject) {
    caller.set(TenantScope.staff(municipality, subject));
  }

  private CaseRecord load(UUID caseId) throws Exception {
    CaseRecord[] found = new CaseRecord[1];
    fixtures.asPlatform(() -> found[0] = em.find(CaseRecord.class, caseId));
    return found[0];
  }

  /** One clerk's claim, as a contender of a race. */
  private RacingRequests.Contender<CaseOutcome> claimAs(String subject, UUID caseId, long version) {
    return new RacingRequests.Contender<>(
        TenantScope.staff(MUSTERSTADT, subject), () -> work.claim(caseId, version));
  }

  @Test
  void twoClerksClaimAtOnceOneWinsTheOtherIsToldWhoAndNothingIsLost() throws Exception {
    UUID caseId = fixtures.submit(erika, "Erika Mustermann");
    long seen = load(caseId).version();

    List<CaseOutcome> outcomes =
        races.atOnce(claimAs(anna, caseId, seen), claimAs(bert, caseId, seen));
    CaseOutcome first = outcomes.get(0);
    CaseOutcome second = outcomes.get(1);

    assertTrue(first.done() ^ second.done(), "exactly one claim wins: " + first + " / " + second);
    CaseOutcome winner = first.done() ? first : second;
    CaseOutcome loser = first.done() ? second : first;
    String winnerName = first.done() ? "Anna Amtfrau" : "Bert Beamter";
    assertEquals(CaseOutcome.STALE, loser.refusalKey());
    assertEquals(List.of(winnerName), loser.arguments());
    CaseRecord after = load(caseId);
    assertEquals(seen + 1, after.version());
    assertEquals(winner.version(), after.version());
    assertEquals(CaseStatus.IN_REVIEW, after.status());
    assertEquals(winnerName, after.assigneeName());
    assertEquals(
        1,
        fixtures.count(
            TenantScope.platform("it"),
            "select count(*) from case_event where case_id = ?1 and kind = 'CLAIM'",
            caseId));

    // The loser reloads and can act on the current version: take the case over.
    String loserSubject = first.done() ? bert : anna;
    asStaff(MUSTERSTADT, loserSubject);
    CaseOutcome takeOver = work.claim(caseId, after.version());
    assertTrue(takeOver.done(), takeOver::toString);
    assertEquals(CaseStatus.IN_REVIEW, load(caseId).status());
    assertEquals(loserSubject, load(caseId).assigneeSubject());
  }

  @Test
  void theLifecycleAllowsItsTransitionsAndRefusesTheRestWithoutChange() throws Exception {
    UUID caseId = fixtures.submit(erika, "Erika Mustermann");
    asStaff(MUSTERSTADT, anna);

    assertEquals("case.refused.not-now", work.close(caseId, 0).refusalKey());
    assertEquals(
        "case.refused.not-now", work.requestInformation(caseId, 0, "Bitte Ausweis").refusalKey());
    CaseOutcome claimed = work.claim(caseId, 0);
    assertTrue(claimed.done());
    assertEquals(CaseOutcome.ALREADY_YOURS, work.claim(caseId, claimed.version()).refusalKey());
    assertEquals(
        CaseOutcome.STALE,
        work.requestInformation(caseId, 0, "Bitte Ausweis").refusalKey(),
        "old version");
    assertEquals(
        CaseOutcome.TEXT_REQUIRED,
        work.requestInformation(caseId, claimed.version(), "  ").refusalKey());

    CaseOutcome requested =
        work.requestInformation(
            caseId, claimed.version(), "Bitte reichen Sie eine Ausweiskopie nach.");
    assertTrue(requested.done());
    assertEquals(CaseStatus.WAITING_FOR_CITIZEN, load(caseId).status());
    assertEquals(
        "case.refused.not-now", work.decide(caseId, requested.version(), true, "ok").refusalKey());
    assertEquals(
        "case.refused.not-now", work.startReview(caseId, requested.version()).refusalKey());

    // The citizen answers (in the citizen's scope): back to review.
    caller.set(TenantScope.citizen(erika));
    assertTrue(work.applicantReplied(caseId).done());
    assertEquals(
        "case.refused.not-now",
        work.applicantReplied(caseId).refusalKey(),
        "a second reply changes nothing");
    assertThrows(
        SecurityException.class, () -> work.claim(caseId, 0), "citizens do not work cases");

    asStaff(MUSTERSTADT, anna);
    long version = load(caseId).version();
    assertEquals(
        "case.refused.reasons-required", work.decide(caseId, version, true, " ").refusalKey());
    assertEquals(
        "case.refused.fee-unpaid",
        work.decide(caseId, version, true, "Alle Voraussetzungen sind erfüllt.").refusalKey(),
        "no approval while the fee is open");
    assertEquals(CaseStatus.IN_REVIEW, load(caseId).status());
    fixtures.payFee(caseId);
    CaseOutcome approved = work.decide(caseId, version, true, "Alle Voraussetzungen sind erfüllt.");
    assertTrue(approved.done());

    // The decision issued its PDF notice and delivered it into the case's thread, after the
    // request.
    assertEquals(1, notices.ofCase(caseId).size());
    List<MessageItem> messages = mailbox.caseThread(caseId).orElseThrow().messages();
    assertEquals(2, messages.size(), "the request for information and the notice");
    assertTrue(messages.get(0).body().contains("Ausweiskopie"), messages.get(0).body());
    assertTrue(messages.get(1).body().contains("stattgegeben"), messages.get(1).body());
    assertEquals(1, messages.get(1).attachments().size());
    assertTrue(messages.get(1).attachments().get(0).displayName().endsWith(".pdf"));
    CaseRecord decided = load(caseId);
    assertEquals(CaseStatus.APPROVED, decided.status());
    assertEquals("Alle Voraussetzungen sind erfüllt.", decided.decisionReasons());
    assertTrue(decided.decidedAt() != null);
    assertEquals(
        "case.refused.already-decided",
        work.decide(caseId, approved.version(), false, "doch nicht").refusalKey());
    assertEquals(
        "case.refused.already-decided", work.claim(caseId, approved.version()).refusalKey());

    caller.set(TenantScope.citizen(erika));
    assertEquals(
        "case.refused.already-decided",
        work.withdraw(caseId).refusalKey(),
        "no withdrawal after a decision");

    asStaff(MUSTERSTADT, anna);
    assertTrue(work.close(caseId, approved.version()).done());
    assertEquals(CaseStatus.CLOSED, load(caseId).status());

    // Timeline: every step, with from -> to; audit: every transition.
    asStaff(MUSTERSTADT, anna);
    CaseDetails details = work.open(caseId).orElseThrow();
    List<CaseEvent.Kind> kinds =
        details.timeline().stream().map(CaseDetails.TimelineEntry::kind).toList();
    assertEquals(
        List.of(
            CaseEvent.Kind.CLAIM,
            CaseEvent.Kind.REQUEST_INFORMATION,
            CaseEvent.Kind.CITIZEN_REPLIED,
            CaseEvent.Kind.APPROVE,
            CaseEvent.Kind.CLOSE),
        kinds);
    assertEquals("Anna Amtfrau", details.timeline().get(0).actorName(), "one entry for the claim");
    CaseDetails.TimelineEntry approval = details.timeline().get(3);
    assertEquals(CaseStatus.IN_REVIEW, approval.from());
    assertEquals(CaseStatus.APPROVED, approval.to());
    assertEquals("Anna Amtfrau", approval.actorName());
    assertEquals(List.of(), details.available(), "nothing left to do on a closed case");
    for (String action :
        List.of("case.claimed", "case.information-requested", "case.approved", "case.closed")) {
      assertEquals(1, fixtures.audits(action, caseId, anna), action);
    }
    assertEquals(1, fixtures.audits("case.applicant-replied", caseId, erika));
    assertEquals(0, fixtures.audits("case.assigned", caseId, anna), "the claim is one entry");
  }

  /**
   * Issue 17: a citizen who used the portal in English gets the notice, the message carrying it and
   * the mail announcing it in English; the German case is the lifecycle test above.
   */
  @Test
  void anApplicationSubmittedInEnglishIsDecidedInEnglish() throws Exception {
    UUID caseId =
        fixtures.submit(
            erika, "Erika Mustermann", "erika-" + fixtures.suffix + "@example.org", "en");
    asStaff(MUSTERSTADT, anna);
    CaseOutcome assigned = work.reassign(caseId, 0, anna);
    CaseOutcome review = work.startReview(caseId, assigned.version());
    assertTrue(work.decide(caseId, review.version(), false, "The proof is missing.").done());

    NoticeSummary notice = notices.ofCase(caseId).get(0);
    assertTrue(notice.getFileName().startsWith("Notice-"), notice.getFileName());
    String pdf = PdfText.of(notices.download(notice.getId()).orElseThrow().pdf());
    assertTrue(pdf.contains("Rejection"), pdf);
    assertTrue(pdf.contains("Statement of reasons"), pdf);
    assertTrue(pdf.contains("The proof is missing."), pdf);
    assertFalse(pdf.contains("Begründung"), pdf);
    String message = mailbox.caseThread(caseId).orElseThrow().messages().get(0).body();
    assertTrue(message.contains("your application is rejected"), message);
    List<?> mailLocales = new java.util.ArrayList<>();
    fixtures.asPlatform(
        () ->
            mailLocales.addAll(
                em.createNativeQuery(
                        "select locale from notification_outbox where recipient_subject = ?1"
                            + " and template_key = ?2")
                    .setParameter(1, erika)
                    .setParameter(2, "mailbox.notice.message")
                    .getResultList()));
    assertEquals(List.of("en"), mailLocales, "the mail announcing the notice is English");
  }

  @Test
  void rejectionAndWithdrawalAndReassignment() throws Exception {
    UUID rejected = fixtures.submit(erika, "Erika Mustermann");
    UUID withdrawn = fixtures.submit(erika, "Erika Mustermann");

    asStaff(MUSTERSTADT, anna);
    assertEquals(
        CaseOutcome.UNKNOWN_COLLEAGUE,
        work.reassign(rejected, 0, ben).refusalKey(),
        "Ben is Beispielheim's");
    CaseOutcome reassigned = work.reassign(rejected, 0, bert);
    assertTrue(reassigned.done());
    assertEquals(CaseStatus.SUBMITTED, load(rejected).status(), "assigning changes no status");
    assertEquals("Bert Beamter", load(rejected).assigneeName());
    asStaff(MUSTERSTADT, bert);
    CaseOutcome review = work.startReview(rejected, reassigned.version());
    assertTrue(review.done());
    assertTrue(work.decide(rejected, review.version(), false, "Unterlagen unvollständig.").done());
    assertEquals(CaseStatus.REJECTED, load(rejected).status());

    caller.set(TenantScope.citizen(erika));
    assertTrue(work.withdraw(withdrawn).done());
    assertEquals(CaseStatus.WITHDRAWN, load(withdrawn).status());
    caller.set(TenantScope.citizen("it-someone-else-" + fixtures.suffix));
    assertEquals(
        CaseOutcome.NOT_FOUND,
        work.withdraw(rejected).refusalKey(),
        "only the applicant withdraws");
  }

  @Test
  void waitingForTheCitizenPausesTheClockAndMovesTheDueDate() throws Exception {
    UUID caseId = fixtures.submit(erika, "Erika Mustermann");
    LocalDate due = load(caseId).dueDate();
    asStaff(MUSTERSTADT, anna);
    CaseOutcome claimed = work.claim(caseId, 0);
    assertTrue(work.requestInformation(caseId, claimed.version(), "Bitte Ausweiskopie").done());
    // Pretend the request went out three days and an hour ago.
    fixtures.asPlatform(
        () ->
            em.createNativeQuery(
                    "update case_record set waiting_since = waiting_since - interval '3 days 1 hour' where id = ?1")
                .setParameter(1, caseId)
                .executeUpdate());
    assertEquals(
        due.plusDays(4),
        work.open(caseId).orElseThrow().dueDate(),
        "the running pause counts, rounded up");

    caller.set(TenantScope.citizen(erika));
    assertTrue(work.applicantReplied(caseId).done());

    CaseRecord after = load(caseId);
    assertEquals(due.plusDays(4), after.dueDate());
    assertNull(after.waitingSince());
    assertTrue(after.pausedSeconds() >= 3 * 86_400 + 3_600);
  }

  @Test
  void readingACaseAndNotesAreAuditedNotesStayInternal() throws Exception {
    UUID caseId = fixtures.submit(erika, "Erika Mustermann");
    asStaff(MUSTERSTADT, anna);

    CaseDetails details = work.open(caseId).orElseThrow();
    assertEquals("Erika Mustermann", details.applicantName());
    assertTrue(details.answersJson().contains("Mustermann"));
    assertTrue(details.serviceTitle().de().startsWith("Meldebescheinigung"));
    assertEquals(List.of(CaseAction.CLAIM), details.available());
    assertEquals(1, fixtures.audits("case.read", caseId, anna));
    assertEquals(CaseOutcome.TEXT_REQUIRED, work.addNote(caseId, "   ").refusalKey());
    assertTrue(work.addNote(caseId, "Rückruf vereinbart <script>alert(1)</script>").done());
    assertEquals(1, fixtures.audits("case.note-added", caseId, anna));
    assertEquals(
        "Rückruf vereinbart <script>alert(1)</script>",
        work.open(caseId).orElseThrow().notes().get(0).text());
    assertEquals(2, fixtures.audits("case.read", caseId, anna));

    // Row-level security: the citizen sees the case's citizen-visible events, never a note.
    assertTrue(work.claim(caseId, details.version()).done());
    TenantScope citizen = TenantScope.citizen(erika);
    assertEquals(
        0, fixtures.count(citizen, "select count(*) from case_note where case_id = ?1", caseId));
    assertEquals(
        1,
        fixtures.count(citizen, "select count(*) from case_event where case_id = ?1", caseId),
        "CLAIM only, not ASSIGN");
    assertEquals(
        0,
        fixtures.count(
            TenantScope.citizen("it-other-" + fixtures.suffix),
            "select count(*) from case_event where case_id = ?1",
            caseId));
  }

  @Test
  void beispielheimsClerkFindsNothingOfMusterstadt() throws Exception {
    UUID caseId = fixtures.submit(erika, "Erika Mustermann");
    asStaff(MUSTERSTADT, anna);
    assertTrue(work.addNote(caseId, "intern").done());

    asStaff(BEISPIELHEIM, ben);
    assertTrue(work.open(caseId).isEmpty());
    assertEquals(CaseOutcome.NOT_FOUND, work.claim(caseId, 0).refusalKey());
    assertEquals(CaseOutcome.NOT_FOUND, work.addNote(caseId, "fremd").refusalKey());
    assertTrue(work.download(caseId, UUID.randomUUID()).isEmpty());
    assertEquals(0, fixtures.audits("case.read", caseId, ben));

    // Row-level security alone (no WHERE on the municipality): nothing of the case.
    TenantScope beispielheim = TenantScope.staff(BEISPIELHEIM, ben);
    for (String table : List.of("case_record", "case_event", "case_note")) {
      String column = table.equals("case_record") ? "id" : "case_id";
      assertEquals(
          0,
          fixtures.count(
              beispielheim, "select count(*) from " + table + " where " + column + " = ?1", caseId),
          table);
    }
    assertEquals(
        0,
        fixtures.count(beispielheim, "select count(*) from case_staff where subject = ?1", anna));
    assertFalse(inbox.colleagues().stream().anyMatch(c -> c.subject().equals(anna)));
  }
}
