package eu.rathaus.cases;

import static eu.rathaus.cases.CaseFixtures.BEISPIELHEIM;
import static eu.rathaus.cases.CaseFixtures.MUSTERSTADT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.cases.application.InboxPage;
import eu.rathaus.cases.application.InboxQuery;
import eu.rathaus.cases.domain.CaseRecord;
import eu.rathaus.cases.domain.CaseRepository.InboxSort;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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
 * The inbox against the real database: keyset pages forwards and backwards (no row twice, none
 * lost), every filter, search by reference and name, both orders, the counters, and tenant scoping.
 * Each test files its cases under a service of its own and filters by it, so cases other tests put
 * into Musterstadt never disturb the assertions.
 */
@ExtendWith(ArquillianExtension.class)
class CaseInboxIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(CaseInboxIT.class, CaseFixtures.class);
  }

  @Inject CaseInbox inbox;
  @Inject CaseWork work;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private CaseFixtures fixtures;
  private String clerk;
  private final List<UUID> cases = new ArrayList<>();
  private String applicantName;

  @BeforeEach
  void fiveCasesOfAFreshService() throws Exception {
    fixtures = new CaseFixtures(journeys, caller, transactions, em).publishService();
    clerk = "it-clerk-" + fixtures.suffix;
    applicantName = "Zacharias Q" + fixtures.suffix;
    for (int i = 0; i < 5; i++) {
      cases.add(
          fixtures.submit(
              "it-citizen-" + i + "-" + fixtures.suffix,
              i == 3 ? applicantName : "Erika Mustermann"));
    }
    // Distinct due dates, so the order is known: case i is due in 10 - i days.
    for (int i = 0; i < cases.size(); i++) {
      int days = 10 - i;
      UUID id = cases.get(i);
      fixtures.asPlatform(
          () ->
              em.createNativeQuery(
                      "update case_record set due_date = current_date + ?1 where id = ?2")
                  .setParameter(1, days)
                  .setParameter(2, id)
                  .executeUpdate());
    }
    caller.set(TenantScope.staff(MUSTERSTADT, clerk));
    inbox.present("Clara Clerk");
  }

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  private InboxQuery ours(int size) {
    return InboxQuery.all(size).withService(fixtures.definitionId);
  }

  private static List<UUID> ids(InboxPage page) {
    return page.rows().stream().map(InboxPage.Row::caseId).toList();
  }

  private String reference(UUID caseId) throws Exception {
    String[] ref = new String[1];
    fixtures.asPlatform(() -> ref[0] = em.find(CaseRecord.class, caseId).referenceNumber());
    return ref[0];
  }

  @Test
  void keysetPagesWalkForwardAndBackWithoutGapsOrRepeats() throws Exception {
    List<UUID> byDue = new ArrayList<>(cases);
    Collections.reverse(byDue); // case 4 is due first

    InboxPage one = inbox.page(ours(2));
    assertEquals(byDue.subList(0, 2), ids(one));
    assertNull(one.previous());
    assertNotNull(one.next());
    InboxPage two = inbox.page(ours(2).withAfter(one.next()));
    assertEquals(byDue.subList(2, 4), ids(two));
    InboxPage three = inbox.page(ours(2).withAfter(two.next()));
    assertEquals(byDue.subList(4, 5), ids(three));
    assertNull(three.next());

    InboxPage backToTwo = inbox.page(ours(2).withBefore(three.previous()));
    assertEquals(ids(two), ids(backToTwo));
    InboxPage backToOne = inbox.page(ours(2).withBefore(backToTwo.previous()));
    assertEquals(ids(one), ids(backToOne));
    assertNull(backToOne.previous());

    InboxPage newestFirst = inbox.page(ours(10).withSort(InboxSort.SUBMITTED));
    List<UUID> submittedOrder = new ArrayList<>(cases);
    Collections.reverse(submittedOrder);
    assertEquals(submittedOrder, ids(newestFirst));
    InboxPage submittedTwo = inbox.page(ours(3).withSort(InboxSort.SUBMITTED));
    assertEquals(
        submittedOrder.subList(3, 5),
        ids(inbox.page(ours(3).withSort(InboxSort.SUBMITTED).withAfter(submittedTwo.next()))));

    assertEquals(
        ids(one),
        ids(inbox.page(ours(2).withAfter("garbage"))),
        "a broken cursor starts at the beginning");
  }

  @Test
  void filtersSearchAndCounters() throws Exception {
    long mineBefore = inbox.page(ours(1)).mine();
    assertEquals(0, mineBefore);
    assertTrue(work.claim(cases.get(0), 0).done());
    fixtures.asPlatform(
        () ->
            em.createNativeQuery("update case_record set due_date = current_date - 2 where id = ?1")
                .setParameter(1, cases.get(1))
                .executeUpdate());

    assertEquals(List.of(cases.get(0)), ids(inbox.page(ours(10).withStatus(CaseStatus.IN_REVIEW))));
    assertEquals(4, inbox.page(ours(10).withStatus(CaseStatus.SUBMITTED)).rows().size());
    assertEquals(List.of(cases.get(0)), ids(inbox.page(ours(10).withView(InboxQuery.MINE))));
    assertEquals(4, inbox.page(ours(10).withView(InboxQuery.UNASSIGNED)).rows().size());
    InboxPage overdue = inbox.page(ours(10).withOverdue(true));
    assertEquals(List.of(cases.get(1)), ids(overdue));
    assertTrue(overdue.rows().get(0).overdue());

    String ref = reference(cases.get(2));
    assertEquals(List.of(cases.get(2)), ids(inbox.page(InboxQuery.all(10).withSearch(ref))));
    assertEquals(
        List.of(cases.get(2)), ids(inbox.page(InboxQuery.all(10).withSearch(ref.toLowerCase()))));
    assertEquals(
        List.of(cases.get(3)),
        ids(inbox.page(ours(10).withSearch(applicantName.substring(0, 14).toUpperCase()))));
    assertEquals(0, inbox.page(ours(10).withSearch("%")).rows().size(), "wildcards are text");

    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    assertEquals(5, inbox.page(ours(10).withDates(today.minusDays(1), today)).rows().size());
    assertEquals(0, inbox.page(ours(10).withDates(today.plusDays(1), null)).rows().size());

    InboxPage counted = inbox.page(ours(1));
    assertEquals(1, counted.mine());
    assertTrue(counted.unassigned() >= 4);
    assertTrue(counted.counts().get(CaseStatus.SUBMITTED) >= 4);
    assertTrue(counted.counts().get(CaseStatus.IN_REVIEW) >= 1);
  }

  @Test
  void anotherMunicipalitysClerkSeesNoneOfTheseCases() throws Exception {
    String ref = reference(cases.get(0));
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-ben-" + fixtures.suffix));
    assertEquals(0, inbox.page(ours(10)).rows().size());
    assertEquals(0, inbox.page(InboxQuery.all(10).withSearch(ref)).rows().size());
    HashSet<UUID> seen = new HashSet<>();
    InboxPage page = inbox.page(InboxQuery.all(100));
    page.rows().forEach(r -> seen.add(r.caseId()));
    assertTrue(seen.stream().noneMatch(cases::contains));
    assertTrue(inbox.services().stream().noneMatch(s -> s.id().equals(fixtures.definitionId)));

    caller.set(TenantScope.citizen("it-citizen-0-" + fixtures.suffix));
    assertThrows(SecurityException.class, () -> inbox.page(InboxQuery.all(10)));
  }
}
