package eu.rathaus.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationForm;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The citizen's application journey against the real database: drafts pinned to their version,
 * submission that is idempotent and atomic, and isolation between citizens (service layer and
 * row-level security). Each test publishes its own copy of the Meldebescheinigung template under a
 * fresh service key, so runs never depend on demo seeding or on each other.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationJourneyIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(ApplicationJourneyIT.class);
  }

  @Inject ApplicationJourney journey;
  @Inject ServiceCatalogue catalogue;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;
  @Inject ItJourneys journeys;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private String serviceKey;
  private UUID definitionId;
  private UUID firstVersion;
  private String erika;
  private String max;

  @BeforeEach
  void publishAServiceOfThreeSteps() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    erika = "it-erika-" + suffix;
    max = "it-max-" + suffix;
    // Without a notification field, so the confirmation goes to the sign-in address the tests
    // pass in (MailboxIT covers the address given in the form).
    ItJourneys.Published published =
        journeys.publish(
            "meldebescheinigung",
            "it.melde-",
            template -> template.replace("\"notificationAddress\": true,", ""));
    serviceKey = published.serviceKey();
    definitionId = published.definitionId();
    firstVersion = published.versionId();
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  /** Erika (or whoever is the caller) fills all three steps; returns the draft. */
  private UUID fillAllSteps(UUID versionId) throws Exception {
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            serviceKey,
            versionId,
            0,
            json(
                "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"birthDate\":\"1964-08-12\"}"),
            1);
    assertTrue(one.isSaved(), one.problems()::toString);
    StepOutcome two =
        journey.saveStep(
            one.draftId(),
            null,
            null,
            null,
            1,
            json("{\"certificateType\":\"extended\",\"delivery\":\"mailbox\"}"),
            2);
    assertTrue(two.isSaved(), two.problems()::toString);
    StepOutcome three =
        journey.saveStep(
            one.draftId(), null, null, null, 2, json("{\"email\":\"erika@example.org\"}"), 3);
    assertTrue(three.isSaved(), three.problems()::toString);
    return one.draftId();
  }

  private long count(String jpql, Object... params) throws Exception {
    long[] result = new long[1];
    transactions.asPlatform(
        () -> {
          var query = em.createQuery(jpql, Long.class);
          for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
          }
          result[0] = query.getSingleResult();
        });
    return result[0];
  }

  @Test
  void aBadValueIsRefusedAtItsFieldAndNothingIsSaved() throws Exception {
    caller.set(TenantScope.citizen(erika));
    StepOutcome outcome =
        journey.saveStep(
            null,
            "musterstadt",
            serviceKey,
            firstVersion,
            0,
            json(
                "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"birthDate\":\"31.02.1964\"}"),
            1);

    assertFalse(outcome.isSaved());
    assertEquals("birthDate", outcome.problems().get(0).target());
    assertEquals(
        0, count("select count(d) from ApplicationDraft d where d.applicantSubject = ?1", erika));
  }

  @Test
  void theSameIdempotencyKeyTwiceMakesOneApplication() throws Exception {
    caller.set(TenantScope.citizen(erika));
    UUID draft = fillAllSteps(firstVersion);
    String key = UUID.randomUUID().toString();

    SubmissionOutcome first = journey.submit(draft, key, "erika@example.org", "de");
    SubmissionOutcome again = journey.submit(draft, key, "erika@example.org", "de");

    assertEquals(SubmissionOutcome.Result.SUBMITTED, first.result());
    assertEquals(SubmissionOutcome.Result.SUBMITTED, again.result());
    assertEquals(first.reference(), again.reference());
    assertTrue(first.reference().format().startsWith("MUS-"), first.reference()::format);
    assertEquals(
        1, count("select count(a) from CaseApplication a where a.applicantSubject = ?1", erika));
    assertEquals(
        1, count("select count(c) from CaseRecord c where c.applicantSubject = ?1", erika));
    assertEquals(
        1, count("select count(o) from OutboxMessage o where o.recipientSubject = ?1", erika));
    assertEquals(
        0,
        count("select count(d) from ApplicationDraft d where d.applicantSubject = ?1", erika),
        "draft removed");
    assertEquals(
        1,
        count(
            "select count(e) from AuditEntryEntity e where e.actor = ?1 and e.action = 'application.submitted'",
            erika));
  }

  @Test
  void aFailureAfterTheApplicationInsertLeavesNothingBehind() throws Exception {
    caller.set(TenantScope.citizen(erika));
    UUID draft = fillAllSteps(firstVersion);

    // The sign-in address is no address: the application's and the outbox row's e-mail check
    // constraints refuse it, and the whole submission is rolled back.
    assertThrows(
        Exception.class,
        () -> journey.submit(draft, UUID.randomUUID().toString(), "no address", "de"));

    assertEquals(
        0, count("select count(a) from CaseApplication a where a.applicantSubject = ?1", erika));
    assertEquals(
        0, count("select count(c) from CaseRecord c where c.applicantSubject = ?1", erika));
    assertEquals(
        0, count("select count(o) from OutboxMessage o where o.recipientSubject = ?1", erika));
    assertEquals(
        0,
        count(
            "select count(e) from AuditEntryEntity e where e.actor = ?1 and e.action = 'application.submitted'",
            erika));
    assertEquals(
        1,
        count("select count(d) from ApplicationDraft d where d.applicantSubject = ?1", erika),
        "draft kept for a retry");

    // And the citizen can simply submit again.
    assertEquals(
        SubmissionOutcome.Result.SUBMITTED,
        journey.submit(draft, UUID.randomUUID().toString(), "erika@example.org", "de").result());
  }

  @Test
  void aDraftStaysOnItsVersionWhenANewOneIsPublished() throws Exception {
    caller.set(TenantScope.citizen(erika));
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            serviceKey,
            firstVersion,
            0,
            json(
                "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"birthDate\":\"1964-08-12\"}"),
            1);
    assertTrue(one.isSaved());

    UUID[] second = new UUID[1];
    transactions.asPlatform(
        () -> {
          second[0] = catalogue.openDraft(MUSTERSTADT, definitionId, "it").id();
          assertTrue(catalogue.publish(MUSTERSTADT, second[0], "it").isDone());
        });

    ApplicationForm resumed = journey.draft(one.draftId()).orElseThrow();
    assertEquals(firstVersion, resumed.service().versionId());
    assertEquals(1, resumed.service().versionNumber());
    assertEquals(
        second[0],
        journey.newForm("musterstadt", serviceKey).orElseThrow().service().versionId(),
        "new drafts start on v2");

    journey.saveStep(
        one.draftId(),
        null,
        null,
        null,
        1,
        json("{\"certificateType\":\"simple\",\"delivery\":\"mailbox\"}"),
        2);
    journey.saveStep(
        one.draftId(), null, null, null, 2, json("{\"email\":\"erika@example.org\"}"), 3);
    assertEquals(
        SubmissionOutcome.Result.SUBMITTED,
        journey
            .submit(one.draftId(), UUID.randomUUID().toString(), "erika@example.org", "de")
            .result());
    assertEquals(
        1,
        count(
            "select count(a) from CaseApplication a where a.applicantSubject = ?1 and a.versionId = ?2",
            erika,
            firstVersion));
  }

  @Test
  void oneCitizenCannotReachAnothersDraftOrReceipt() throws Exception {
    caller.set(TenantScope.citizen(erika));
    UUID draft = fillAllSteps(firstVersion);
    UUID otherDraft = fillAllSteps(firstVersion);
    String reference =
        journey
            .submit(otherDraft, UUID.randomUUID().toString(), "erika@example.org", "de")
            .reference()
            .format();
    assertTrue(journey.receipt(reference).isPresent());

    caller.set(TenantScope.citizen(max));
    assertTrue(journey.draft(draft).isEmpty());
    assertTrue(journey.receipt(reference).isEmpty());
    assertFalse(
        journey
            .saveStep(draft, null, null, null, 0, json("{\"firstNames\":\"Max\"}"), 1)
            .isSaved());
    assertEquals(
        SubmissionOutcome.Result.NOT_FOUND,
        journey.submit(draft, UUID.randomUUID().toString(), "max@example.org", "de").result());
    assertTrue(journey.mine().drafts().isEmpty());
    assertTrue(journey.mine().submitted().isEmpty());

    caller.set(TenantScope.citizen(erika));
    assertTrue(journey.draft(draft).isPresent(), "Erika's draft is untouched");
  }

  /**
   * Deliberately unscoped queries (no WHERE on subject or municipality) as the portal's own role.
   */
  private List<String> subjectsVisibleWith(TenantScope scope, String entity) throws Exception {
    return transactions.call(
        scope,
        () ->
            em.createQuery("select x.applicantSubject from " + entity + " x", String.class)
                .getResultList());
  }

  @Test
  void rowLevelSecurityShowsCitizensOnlyTheirOwnRowsAndStaffTheirMunicipalitys() throws Exception {
    caller.set(TenantScope.citizen(erika));
    UUID erikasDraft = fillAllSteps(firstVersion);
    journey.submit(
        fillAllSteps(firstVersion), UUID.randomUUID().toString(), "erika@example.org", "de");
    caller.set(TenantScope.citizen(max));
    fillAllSteps(firstVersion);

    for (String entity : List.of("ApplicationDraft", "CaseApplication", "CaseRecord")) {
      assertTrue(
          subjectsVisibleWith(TenantScope.citizen(max), entity).stream().allMatch(max::equals),
          entity);
      assertFalse(subjectsVisibleWith(TenantScope.citizen(erika), entity).contains(max), entity);
      assertTrue(subjectsVisibleWith(TenantScope.anonymous(), entity).isEmpty(), entity);
      assertFalse(
          subjectsVisibleWith(TenantScope.staff(BEISPIELHEIM, "ben"), entity).contains(erika),
          entity);
    }
    assertTrue(
        subjectsVisibleWith(TenantScope.staff(MUSTERSTADT, "mia"), "CaseApplication")
            .contains(erika));
    assertFalse(
        subjectsVisibleWith(TenantScope.staff(MUSTERSTADT, "mia"), "ApplicationDraft")
            .contains(erika),
        "drafts are not the authority's yet");
    assertTrue(
        subjectsVisibleWith(TenantScope.platform("paula"), "ApplicationDraft").contains(max));

    transactions.run(
        TenantScope.citizen(erika),
        () ->
            assertEquals(
                List.of(),
                em.createQuery("select o.id from OutboxMessage o", UUID.class).getResultList(),
                "citizens never read the outbox"));
    assertTrue(erikasDraft != null);
  }
}
