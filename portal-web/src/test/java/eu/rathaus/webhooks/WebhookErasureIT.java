package eu.rathaus.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.handoff.application.HandoffDestinations;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.MailboxIdentity;
import eu.rathaus.notices.application.NoticeSignatory;
import eu.rathaus.retention.application.ErasureEngine;
import eu.rathaus.retention.application.PlannedErasure;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.webhooks.application.WebhookSubscriptions;
import eu.rathaus.webhooks.domain.WebhookEventType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasure reaches webhooks (as RetentionIT does for the rest of a case): a case handed off to a
 * specialist procedure with push delivery leaves deliveries behind — the sealed submission (JWE)
 * posted to the destination and the municipality's own events about it. When the retention engine
 * erases the case, every delivery row about it goes (the sealed payload with it); the deliveries of
 * another case that is not due stay.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookErasureIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(
        WebhookErasureIT.class, WebhookReceiver.class, WebhookReceiver.Received.class);
  }

  @Inject WebhookSubscriptions webhooks;
  @Inject HandoffDestinations destinations;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;
  @Inject CaseWork work;
  @Inject CaseInbox inbox;
  @Inject MailboxIdentity identity;
  @Inject NoticeSignatory signatory;
  @Inject ErasureEngine engine;

  private WebhookReceiver receiver;

  @AfterEach
  void cleanUp() throws Exception {
    if (receiver != null) {
      receiver.close();
    }
    caller.set(null);
  }

  private void asClerk(String subject) {
    caller.set(TenantScope.staff(MUSTERSTADT, subject));
    identity.set("Sachbearbeitung " + subject, subject + "@rathaus.example");
    inbox.present("Sachbearbeitung " + subject);
    signatory.set("Sachbearbeitung " + subject);
  }

  private String submit(ItJourneys.Published service, String lastName) throws Exception {
    caller.set(TenantScope.citizen("it-hook-erase-" + UUID.randomUUID()));
    return journeys.submitMeldebescheinigung(
        service.serviceKey(), lastName, "erika@example.org", null, "Erika " + lastName);
  }

  @Test
  void erasingACaseDeletesItsPushedSealedSubmissionAndItsEventDeliveries() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String clerk = "it-hook-erase-clerk-" + suffix;
    receiver = new WebhookReceiver();
    receiver.start();
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.hook-erase.");
    RSAKey encryption = new RSAKeyGenerator(2048).generate();
    asClerk(clerk);
    HandoffDestinations.Saved saved =
        destinations.useProcedure(
            service.definitionId(),
            receiver.url(),
            encryption.toPublicJWK().toJSONString(),
            new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString());
    assertTrue(saved.isSaved(), saved.problems().toString());
    WebhookSubscriptions.Created push = webhooks.pushTo(saved.destinationId(), receiver.url());
    assertTrue(push.isCreated(), push.problems().toString());
    WebhookSubscriptions.Created own =
        webhooks.subscribe(receiver.url(), EnumSet.allOf(WebhookEventType.class));
    assertTrue(own.isCreated(), own.problems().toString());
    try {
      String erased = submit(service, "Loeschfrau" + suffix);
      String kept = submit(service, "Bleibmann" + suffix);
      UUID erasedCase = journeys.caseOf(erased);
      UUID keptCase = journeys.caseOf(kept);
      UUID erasedApplication = journeys.applicationOf(erased);
      asClerk(clerk);
      for (UUID c : List.of(erasedCase, keptCase)) {
        CaseOutcome claimed = work.claim(c, work.open(c).orElseThrow().version());
        assertTrue(claimed.isDone(), claimed::toString);
        assertTrue(work.decide(c, claimed.version(), false, "Abgelehnt " + suffix).isDone());
      }
      // Pushed (sealed) and the events: submitted, two status changes.
      List<WebhookReceiver.Received> pushed = receiver.await(erased, 2, 30_000);
      String sealed =
          pushed.stream()
              .map(r -> readContent(r.body()))
              .filter(s -> !s.isEmpty())
              .findFirst()
              .orElseThrow();
      receiver.await(erasedCase.toString(), 2, 30_000);
      assertTrue(rowsAbout(erased, erasedCase, erasedApplication) >= 4, "push + 3 events");
      assertEquals(
          1L,
          count("select count(*) from webhook_delivery where payload like ?", "%" + sealed + "%"));
      long keptBefore = rowsAbout(kept, keptCase, journeys.applicationOf(kept));

      // Only the first case is old enough.
      superuser(
          "update case_record set decided_at = now() - interval '6 years',"
              + " changed_at = now() - interval '6 years' where id = ?::uuid",
          erasedCase.toString());
      List<PlannedErasure> done = engine.cases(MUSTERSTADT, LocalDate.now(), false, 500);
      assertTrue(
          done.stream().anyMatch(p -> p.id().equals(erasedCase) && p.isErase()), done.toString());

      assertEquals(0L, rowsAbout(erased, erasedCase, erasedApplication), "no delivery about it");
      assertEquals(
          0L,
          count("select count(*) from webhook_delivery where payload like ?", "%" + sealed + "%"),
          "the sealed submission is gone from the outbox");
      assertEquals(
          keptBefore, rowsAbout(kept, keptCase, journeys.applicationOf(kept)), "the other stays");
      assertEquals(
          1L,
          count(
              "select count(*) from audit_entry where action = 'retention.case.erased'"
                  + " and subject_id = ?",
              erasedCase.toString()));
    } finally {
      asClerk(clerk);
      webhooks.unsubscribe(own.subscriptionId());
      webhooks.stopPush(saved.destinationId());
      destinations.useBackOffice(service.definitionId());
    }
  }

  private static String readContent(String body) {
    try {
      return JSON.readTree(body).at("/data/content").asText("");
    } catch (Exception e) {
      return "";
    }
  }

  /** Delivery rows whose payload names the case, its application or its reference. */
  private static long rowsAbout(String reference, UUID caseId, UUID applicationId)
      throws Exception {
    return count(
        "select count(*) from webhook_delivery where payload like ? or payload like ?"
            + " or payload like ?",
        "%" + reference + "%",
        "%" + caseId + "%",
        "%" + applicationId + "%");
  }

  private static long count(String sql, String... parameters) throws Exception {
    try (Connection c = superuser();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        p.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void superuser(String sql, String parameter) throws Exception {
    try (Connection c = superuser();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, parameter);
      p.executeUpdate();
    }
  }

  private static Connection superuser() throws Exception {
    Class.forName("org.postgresql.Driver");
    return DriverManager.getConnection(System.getenv("POSTGRESQL_URL"), "postgres", "postgres");
  }
}
