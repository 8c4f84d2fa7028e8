package eu.rathaus.registers.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.cases.application.InboxPage;
import eu.rathaus.cases.application.InboxQuery;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.registers.residents.application.EidLink;
import eu.rathaus.registers.residents.application.MoveDesk;
import eu.rathaus.registers.residents.application.ResidentsMoved;
import eu.rathaus.registers.residents.domain.MoveRules;
import eu.rathaus.registers.residents.infrastructure.DemoResidentRows;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The change of address against the real database: a citizen of Musterstadt files an Ummeldung with
 * her eID (one household member moves along, the other stays), a register clerk approves it, and
 * the decision and the register change commit together — her and the mover's new main residence
 * from the moving date, the old one kept with the day before as its end, the one who stays
 * untouched, the confirmation PDF in her mailbox. Forced to fail after the register write, neither
 * the decision nor the register change is stored. A mover outside the household or a blocked record
 * refuses the approval and changes nothing. Each test writes its own residents.
 */
@ExtendWith(ArquillianExtension.class)
class MoveIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final String SERVICE = "demo.wohnsitz-ummelden";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TenantScope REGISTER_CLERK =
      TenantScope.staff(MUSTERSTADT, "it-register-clerk", Set.of(TenantScope.REGISTER_CLERK));

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(MoveIT.class, FailAfterRegisterWrite.class);
  }

  /** Throws inside the approval's transaction, after the register write, for one chosen case. */
  @ApplicationScoped
  public static class FailAfterRegisterWrite {
    static volatile UUID failFor;

    void onMoved(@Observes ResidentsMoved moved) {
      if (moved.caseId().equals(failFor)) {
        throw new IllegalStateException("forced failure after the register write (MoveIT)");
      }
    }
  }

  @Inject ApplicationJourney journey;
  @Inject ItJourneys journeys;
  @Inject MoveDesk desk;
  @Inject CaseWork work;
  @Inject CaseInbox inbox;
  @Inject EidLink eidLink;
  @Inject DemoResidentRows rows;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void reset() {
    caller.set(null);
    FailAfterRegisterWrite.failFor = null;
  }

  /** The people of one test: a linked resident, a child who moves along and one who stays. */
  record Household(String pseudonym, UUID resident, UUID mover, UUID stays, String family) {}

  private Household household(boolean blocked) throws Exception {
    String family = "Zmv" + UUID.randomUUID().toString().substring(0, 8);
    Household h =
        new Household(
            "eid.it-" + UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            family);
    transactions.asPlatform(
        () -> {
          rows.person(
              h.resident(), MUSTERSTADT, "Max", family, "1980-03-02", "Köln", h.pseudonym());
          rows.person(h.mover(), MUSTERSTADT, "Lena", family, "2015-05-09", "Musterstadt", null);
          rows.person(h.stays(), MUSTERSTADT, "Paul", family, "2018-01-30", "Musterstadt", null);
          for (UUID p : List.of(h.resident(), h.mover(), h.stays())) {
            rows.address(
                p, MUSTERSTADT, "Lindenweg", "3", "91099", "Musterstadt", "2019-07-15", null);
          }
          rows.household(MUSTERSTADT, h.resident(), h.mover(), "CHILD");
          rows.household(MUSTERSTADT, h.resident(), h.stays(), "CHILD");
          if (blocked) {
            em.createNativeQuery(
                    "insert into resident_block (id, municipality_id, resident_id, kind, reason, since)"
                        + " values (?1, ?2, ?3, 'AUSKUNFTSSPERRE', 'it', date '2020-01-01')")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, MUSTERSTADT)
                .setParameter(3, h.resident())
                .executeUpdate();
          }
        });
    return h;
  }

  /** The citizen files the change of address with her eID; returns the case id. */
  private UUID file(Household h, String citizen, String movers) throws Exception {
    return file(
        h.pseudonym(),
        h.family(),
        citizen,
        "within",
        "{\"street\":\"Lindenweg\",\"houseNumber\":\"3\",\"postalCode\":\"91099\","
            + "\"city\":\"Musterstadt\"}",
        movers);
  }

  /**
   * The citizen Max {@code family} files a change of address ({@code kind} within / fromElsewhere)
   * with the eID {@code pseudonym}, from {@code currentAddress} to Rosenweg 5a from 2026-11-02.
   */
  private UUID file(
      String pseudonym,
      String family,
      String citizen,
      String kind,
      String currentAddress,
      String movers)
      throws Exception {
    caller.set(TenantScope.citizen(citizen));
    eidLink.set(pseudonym);
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            SERVICE,
            null,
            0,
            json(
                "{\"firstNames\":\"Max\",\"lastName\":\""
                    + family
                    + "\",\"birthDate\":\"1980-03-02\",\"currentAddress\":"
                    + currentAddress
                    + "}"),
            1);
    assertTrue(one.isSaved(), one.problems().toString());
    ObjectNode move =
        json(
            "{\"moveKind\":\""
                + kind
                + "\",\"movingDate\":\"2026-11-02\",\"newAddress\":"
                + "{\"street\":\"Rosenweg\",\"houseNumber\":\"5a\",\"postalCode\":\"91099\","
                + "\"city\":\"Musterstadt\"}}");
    move.put("movers", movers);
    assertTrue(journey.saveStep(one.draftId(), null, null, null, 1, move, 2).isSaved());
    assertTrue(
        journey
            .saveStep(
                one.draftId(),
                null,
                null,
                null,
                2,
                json("{\"landlordConfirmation\":\"code\",\"landlordCode\":\"WG-472911\"}"),
                3)
            .isSaved());
    assertTrue(
        journey
            .saveStep(
                one.draftId(), null, null, null, 3, json("{\"email\":\"max@example.org\"}"), 4)
            .isSaved());
    SubmissionOutcome submitted =
        journey.submit(one.draftId(), UUID.randomUUID().toString(), null, "Max " + family, "de");
    assertEquals(
        SubmissionOutcome.Result.SUBMITTED, submitted.result(), submitted.problems().toString());
    caller.set(null);
    return journeys.caseOf(submitted.reference().format());
  }

  /** A register clerk of Musterstadt takes the case; returns its version. */
  private long claim(UUID caseId) {
    caller.set(REGISTER_CLERK);
    long version = work.open(caseId).orElseThrow().version();
    CaseOutcome claimed = work.claim(caseId, version);
    assertTrue(claimed.isDone(), String.valueOf(claimed.refusalKey()));
    return claimed.version();
  }

  private List<Object[]> addresses(UUID resident) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () -> {
          @SuppressWarnings("unchecked")
          List<Object[]> list =
              em.createNativeQuery(
                      "select street, house_number, cast(moved_in as text), cast(moved_out as text)"
                          + " from resident_address where resident_id = ?1 order by moved_in")
                  .setParameter(1, resident)
                  .getResultList();
          return list;
        });
  }

  private String status(UUID caseId) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            (String)
                em.createNativeQuery("select status from case_record where id = ?1")
                    .setParameter(1, caseId)
                    .getSingleResult());
  }

  private long count(String sql, UUID id) throws Exception {
    return count(TenantScope.platform("it"), sql, id);
  }

  private long count(TenantScope scope, String sql, Object parameter) throws Exception {
    return transactions.call(
        scope,
        () ->
            ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
                .longValue());
  }

  @Test
  void approvalWritesTheRegisterWithHistoryForHerAndWhoMovesAlong() throws Exception {
    Household h = household(false);
    UUID caseId = file(h, "it-move-" + UUID.randomUUID(), "Lena " + h.family() + ", 09.05.2015");
    long version = claim(caseId);

    MoveDesk.Review review = desk.review(caseId).orElseThrow();
    assertTrue(review.check().writable(), review.check().problems().toString());
    assertEquals(List.of(h.mover()), review.check().movers().stream().map(m -> m.id()).toList());
    assertEquals("Lindenweg 3, 91099 Musterstadt", review.currentAddress());

    CaseOutcome approved = desk.approve(caseId, version, "Ummeldung geprüft.");
    assertTrue(approved.isDone(), String.valueOf(approved.refusalKey()));
    caller.set(null);

    assertEquals("APPROVED", status(caseId));
    for (UUID moved : List.of(h.resident(), h.mover())) {
      List<Object[]> history = addresses(moved);
      assertEquals(2, history.size());
      assertEquals("Lindenweg", history.get(0)[0]);
      assertEquals("2019-07-15", history.get(0)[2]);
      assertEquals("2026-11-01", history.get(0)[3], "the old address ends the day before");
      assertEquals("Rosenweg", history.get(1)[0]);
      assertEquals("5a", history.get(1)[1]);
      assertEquals("2026-11-02", history.get(1)[2]);
      assertNull(history.get(1)[3], "the new address is current");
    }
    List<Object[]> stays = addresses(h.stays());
    assertEquals(1, stays.size());
    assertNull(stays.get(0)[3], "who stays keeps the address");
    assertEquals(
        1,
        count(
            "select count(*) from resident_move m join case_record c on c.application_id ="
                + " m.application_id where c.id = ?1 and m.registered_at is not null",
            caseId));
    assertEquals(
        1,
        count(
            REGISTER_CLERK,
            "select count(*) from attachment a join mailbox_message m on m.id = a.message_id"
                + " join mailbox_thread t on t.id = m.thread_id where t.case_id = ?1"
                + " and a.display_name like 'Meldebestaetigung-%'",
            caseId),
        "the confirmation PDF in her mailbox (files are the municipality's only)");

    caller.set(REGISTER_CLERK);
    assertTrue(desk.review(caseId).orElseThrow().registered());
    assertFalse(desk.approve(caseId, approved.version(), "noch einmal").isDone());
  }

  @Test
  void aFailureAfterTheRegisterWriteStoresNeitherDecisionNorRegisterChange() throws Exception {
    Household h = household(false);
    UUID caseId = file(h, "it-move-" + UUID.randomUUID(), "");
    long version = claim(caseId);
    FailAfterRegisterWrite.failFor = caseId;

    assertThrows(Exception.class, () -> desk.approve(caseId, version, "Ummeldung geprüft."));
    caller.set(null);

    assertEquals("IN_REVIEW", status(caseId), "no decision stored");
    List<Object[]> history = addresses(h.resident());
    assertEquals(1, history.size(), "no new address stored");
    assertNull(history.get(0)[3], "the old address is still current");
    assertEquals(
        0,
        count("select count(*) from decision_notice where case_id = ?1", caseId),
        "no notice stored");
    assertEquals(
        1,
        count(
            "select count(*) from resident_move m join case_record c on c.application_id ="
                + " m.application_id where c.id = ?1 and m.registered_at is null",
            caseId));

    FailAfterRegisterWrite.failFor = null;
    caller.set(REGISTER_CLERK);
    assertTrue(
        desk.approve(caseId, version, "Ummeldung geprüft.").isDone(),
        "works once the failure is gone");
    caller.set(null);
    assertEquals(2, addresses(h.resident()).size());
  }

  @Test
  void aMoverOutsideTheHouseholdOrABlockedRecordRefusesTheApprovalAndChangesNothing()
      throws Exception {
    Household h = household(false);
    UUID caseId = file(h, "it-move-" + UUID.randomUUID(), "Erika Fremd, 01.01.1990");
    long version = claim(caseId);
    assertEquals(
        List.of(MoveRules.Problem.MOVER_NOT_IN_HOUSEHOLD),
        desk.review(caseId).orElseThrow().check().problems());
    CaseOutcome refused = desk.approve(caseId, version, "Ummeldung geprüft.");
    assertFalse(refused.isDone());
    assertEquals("register.move.refused.mover_not_in_household", refused.refusalKey());
    caller.set(null);
    assertEquals("IN_REVIEW", status(caseId));
    assertEquals(1, addresses(h.resident()).size());

    Household blocked = household(true);
    UUID blockedCase = file(blocked, "it-move-" + UUID.randomUUID(), "");
    long blockedVersion = claim(blockedCase);
    assertEquals(
        "register.move.refused.blocked",
        desk.approve(blockedCase, blockedVersion, "Ummeldung geprüft.").refusalKey());
    caller.set(null);
    assertEquals(1, addresses(blocked.resident()).size());
  }

  @Test
  void anAnmeldungEntersHerAndWhoMovesInWithHerAsOneHouseholdWithThePreviousAddress()
      throws Exception {
    String family = "Zan" + UUID.randomUUID().toString().substring(0, 8);
    String pseudonym = "eid.it-" + UUID.randomUUID();
    UUID caseId =
        file(
            pseudonym,
            family,
            "it-move-" + UUID.randomUUID(),
            "fromElsewhere",
            "{\"street\":\"Hafenstraße\",\"houseNumber\":\"2\",\"postalCode\":\"20457\","
                + "\"city\":\"Hamburg\"}",
            "Ben " + family + ", 03.06.2018\nCarla Maria " + family + ", 2016-02-01");
    long version = claim(caseId);

    MoveDesk.Review review = desk.review(caseId).orElseThrow();
    assertTrue(review.check().writable(), review.check().problems().toString());
    assertTrue(review.isFromElsewhere());
    assertEquals("Hafenstraße 2, 20457 Hamburg", review.currentAddress());
    assertEquals(
        List.of("Ben " + family + ", 03.06.2018", "Carla Maria " + family + ", 01.02.2016"),
        review.check().newcomers().stream().map(n -> n.line()).toList());

    CaseOutcome approved = desk.approve(caseId, version, "Anmeldung geprüft.");
    assertTrue(approved.isDone(), String.valueOf(approved.refusalKey()));
    caller.set(null);

    List<Object[]> people =
        transactions.call(
            TenantScope.platform("it"),
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> list =
                  em.createNativeQuery(
                          "select id, given_names, cast(birth_date as text), eid_pseudonym"
                              + " from resident where municipality_id = ?1 and family_name = ?2"
                              + " order by birth_date")
                      .setParameter(1, MUSTERSTADT)
                      .setParameter(2, family)
                      .getResultList();
              return list;
            });
    assertEquals(
        List.of("Max", "Carla Maria", "Ben"), people.stream().map(p -> (String) p[1]).toList());
    assertEquals(pseudonym, people.get(0)[3], "she is linked to her eID");
    assertNull(people.get(1)[3], "who moves along has no eID link");
    for (Object[] person : people) {
      UUID id = (UUID) person[0];
      List<Object[]> history = addresses(id);
      assertEquals(2, history.size(), person[1] + ": previous and new address");
      Object[] previous = history.stream().filter(a -> a[3] != null).findFirst().orElseThrow();
      assertEquals("Hafenstraße", previous[0]);
      assertNull(previous[2], "the register does not know since when she lived there");
      assertEquals("2026-11-01", previous[3], "the previous address ends the day before");
      Object[] current = history.stream().filter(a -> a[3] == null).findFirst().orElseThrow();
      assertEquals("Rosenweg", current[0]);
      assertEquals("2026-11-02", current[2]);
      assertEquals(
          2,
          count("select count(*) from resident_household where resident_id = ?1", id),
          person[1] + " is linked to the two others");
    }
  }

  @Test
  void anAnmeldungWithSomeoneWhoAlreadyLivesHereIsRefusedAndEntersNobody() throws Exception {
    Household h = household(false);
    String family = "Zan" + UUID.randomUUID().toString().substring(0, 8);
    UUID caseId = anmeldungFromHamburg(family, "Lena " + h.family() + ", 09.05.2015");
    long version = claim(caseId);
    assertEquals(
        List.of(MoveRules.Problem.MOVER_ALREADY_REGISTERED),
        desk.review(caseId).orElseThrow().check().problems());
    assertEquals(
        "register.move.refused.mover_already_registered",
        desk.approve(caseId, version, "Anmeldung geprüft.").refusalKey());
    caller.set(null);
    assertEquals("IN_REVIEW", status(caseId));
    assertEquals(0, countFamily(family), "nobody entered");
    assertEquals(1, addresses(h.mover()).size(), "Lena's record unchanged");
  }

  @Test
  void anAnmeldungWithAnUnreadableMoverLineIsRefusedAndEntersNobody() throws Exception {
    String family = "Zan" + UUID.randomUUID().toString().substring(0, 8);
    UUID caseId = anmeldungFromHamburg(family, "mein Sohn");
    long version = claim(caseId);
    assertEquals(
        "register.move.refused.mover_unreadable",
        desk.approve(caseId, version, "Anmeldung geprüft.").refusalKey());
    caller.set(null);
    assertEquals("IN_REVIEW", status(caseId));
    assertEquals(0, countFamily(family), "nobody entered");
  }

  @Test
  void aClerkWithoutTheRoleRegisterClerkIsRefusedAndNothingIsWritten() throws Exception {
    Household h = household(false);
    UUID caseId = file(h, "it-move-" + UUID.randomUUID(), "Lena " + h.family() + ", 09.05.2015");
    long version = claim(caseId);
    caller.set(TenantScope.staff(MUSTERSTADT, "it-clerk-without-role", Set.of("clerk")));
    assertFalse(desk.mayApprove());

    CaseOutcome refused = desk.approve(caseId, version, "Ummeldung geprüft.");
    assertFalse(refused.isDone());
    assertEquals("register.move.refused.role", refused.refusalKey());
    caller.set(null);
    assertEquals("IN_REVIEW", status(caseId), "no decision");
    for (UUID person : List.of(h.resident(), h.mover())) {
      List<Object[]> history = addresses(person);
      assertEquals(1, history.size(), "no new address");
      assertNull(history.get(0)[3], "the old address is still current");
    }
    assertEquals(0, count("select count(*) from decision_notice where case_id = ?1", caseId));
    assertEquals(
        1,
        count(
            "select count(*) from resident_move m join case_record c on c.application_id ="
                + " m.application_id where c.id = ?1 and m.registered_at is null",
            caseId),
        "the move is not marked registered");

    caller.set(REGISTER_CLERK);
    assertTrue(desk.mayApprove());
    assertTrue(desk.review(caseId).orElseThrow().check().writable(), "only the role was missing");
    assertTrue(
        desk.approve(caseId, version, "Ummeldung geprüft.").isDone(),
        "a register clerk approves the same case");
  }

  /**
   * V79: the case of a change of address goes to the registration office. A plain clerk of the same
   * municipality neither lists, counts, opens nor claims it (service layer and row-level security
   * alike); a register clerk lists it among the unassigned cases, counts it and claims it. Both
   * inboxes' counters agree with what the scope reads.
   */
  @Test
  void theCaseIsListedCountedAndClaimableOnlyForRegisterClerks() throws Exception {
    Household h = household(false);
    UUID caseId = file(h, "it-move-" + UUID.randomUUID(), "");
    String reference = reference(caseId);
    TenantScope clerk =
        TenantScope.staff(MUSTERSTADT, "it-plain-clerk-" + UUID.randomUUID(), Set.of("clerk"));
    String byId = "select count(*) from case_record where id = ?1";

    caller.set(clerk);
    InboxPage clerksPage = inbox.page(InboxQuery.all(10).withSearch(reference));
    assertTrue(clerksPage.rows().isEmpty(), "not in a plain clerk's inbox");
    assertTrue(
        inbox
            .page(InboxQuery.all(10).withView(InboxQuery.UNASSIGNED).withSearch(reference))
            .rows()
            .isEmpty(),
        "not among a plain clerk's claimable cases");
    assertTrue(work.open(caseId).isEmpty(), "not even by its id");
    assertFalse(work.claim(caseId, 0).isDone());
    caller.set(null);
    assertEquals(0, count(clerk, byId, caseId), "row-level security alone");
    assertEquals(1, count(REGISTER_CLERK, byId, caseId));

    caller.set(REGISTER_CLERK);
    InboxPage registersPage =
        inbox.page(InboxQuery.all(10).withView(InboxQuery.UNASSIGNED).withSearch(reference));
    assertEquals(List.of(caseId), registersPage.rows().stream().map(r -> r.caseId()).toList());
    caller.set(null);

    // The counters agree with what each scope reads, and differ by the reserved cases.
    String byStatus =
        "select count(*) from case_record where municipality_id = '"
            + MUSTERSTADT
            + "' and status = ?1";
    String reservedByStatus = byStatus + " and staff_role = 'register-clerk'";
    for (CaseStatus s : CaseStatus.values()) {
      long plain = count(clerk, byStatus, s.name());
      assertEquals(plain, clerksPage.counts().get(s), "clerk " + s);
      assertEquals(count(REGISTER_CLERK, byStatus, s.name()), registersPage.counts().get(s));
      assertEquals(
          plain + count(TenantScope.platform("it"), reservedByStatus, s.name()),
          (long) registersPage.counts().get(s),
          "register clerk " + s);
    }
    String unassigned =
        "select count(*) from case_record where municipality_id = ?1 and assignee_subject is null"
            + " and status in ('SUBMITTED', 'IN_REVIEW', 'WAITING_FOR_CITIZEN')";
    assertEquals(count(clerk, unassigned, MUSTERSTADT), clerksPage.unassigned());
    assertEquals(count(REGISTER_CLERK, unassigned, MUSTERSTADT), registersPage.unassigned());
    assertTrue(registersPage.unassigned() > clerksPage.unassigned());
    assertEquals(
        0,
        count(
            clerk,
            "select count(*) from case_status_count where staff_role = ?1",
            "register-clerk"),
        "the reserved counts are hidden from a plain clerk's scope");

    claim(caseId);
    assertEquals("IN_REVIEW", status(caseId));
  }

  private String reference(UUID caseId) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            (String)
                em.createNativeQuery("select reference_number from case_record where id = ?1")
                    .setParameter(1, caseId)
                    .getSingleResult());
  }

  /** Max {@code family}, not in the register, moves in from Hamburg with {@code movers}. */
  private UUID anmeldungFromHamburg(String family, String movers) throws Exception {
    return file(
        "eid.it-" + UUID.randomUUID(),
        family,
        "it-move-" + UUID.randomUUID(),
        "fromElsewhere",
        "{\"street\":\"Hafenstraße\",\"houseNumber\":\"2\",\"postalCode\":\"20457\","
            + "\"city\":\"Hamburg\"}",
        movers);
  }

  private long countFamily(String family) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            ((Number)
                    em.createNativeQuery("select count(*) from resident where family_name = ?1")
                        .setParameter(1, family)
                        .getSingleResult())
                .longValue());
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }
}
