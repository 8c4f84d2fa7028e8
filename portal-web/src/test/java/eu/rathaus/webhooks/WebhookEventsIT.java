package eu.rathaus.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.MailboxIdentity;
import eu.rathaus.messaging.application.PostOutcome;
import eu.rathaus.notices.application.NoticeSignatory;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.webhooks.application.WebhookSubscriptions;
import eu.rathaus.webhooks.domain.WebhookEventType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The two events {@link WebhooksIT} does not cover, on the paths that raise them for real: a clerk
 * claims and decides a case ({@code case.status-changed}, one delivery per transition) and a
 * citizen writes to the authority ({@code message.received}). Each delivery reaches a real HTTP
 * receiver once, signed with the subscription's secret, and carries ids and status values only.
 * Beispielheim's receiver, subscribed to every event, gets nothing of Musterstadt's.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookEventsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(
        WebhookEventsIT.class, WebhookReceiver.class, WebhookReceiver.Received.class);
  }

  @Inject WebhookSubscriptions webhooks;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;
  @Inject CaseWork work;
  @Inject CaseInbox inbox;
  @Inject Mailbox mailbox;
  @Inject MailboxIdentity identity;
  @Inject NoticeSignatory signatory;

  private final List<WebhookReceiver> receivers = new ArrayList<>();
  private final List<Object[]> subscriptions = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (Object[] s : subscriptions) {
      caller.set(TenantScope.staff((UUID) s[0], "it-events-admin"));
      webhooks.unsubscribe((UUID) s[1]);
    }
    for (WebhookReceiver r : receivers) {
      r.close();
    }
    caller.set(null);
  }

  /** A started receiver and the secret of its subscription. */
  private record Subscribed(WebhookReceiver receiver, String secret) {}

  /** A started receiver subscribed by {@code municipality}'s admin. */
  private Subscribed receiverOf(UUID municipality, Set<WebhookEventType> events) throws Exception {
    WebhookReceiver receiver = new WebhookReceiver();
    receiver.start();
    receivers.add(receiver);
    caller.set(TenantScope.staff(municipality, "it-events-admin"));
    WebhookSubscriptions.Created created = webhooks.subscribe(receiver.url(), events);
    assertTrue(created.isCreated(), created.problems().toString());
    subscriptions.add(new Object[] {municipality, created.subscriptionId()});
    return new Subscribed(receiver, created.secret());
  }

  /** Beispielheim's receiver, subscribed to every event: it must get none of Musterstadt's. */
  private WebhookReceiver beispielheimEverything() throws Exception {
    return receiverOf(ItJourneys.BEISPIELHEIM, EnumSet.allOf(WebhookEventType.class)).receiver();
  }

  private void asClerk(String subject) {
    caller.set(TenantScope.staff(ItJourneys.MUSTERSTADT, subject));
    identity.set("Sachbearbeitung " + subject, subject + "@rathaus.example");
    inbox.present("Sachbearbeitung " + subject);
    signatory.set("Sachbearbeitung " + subject);
  }

  private void asCitizen(String subject, String name, String email) {
    caller.set(TenantScope.citizen(subject));
    identity.set(name, email);
  }

  private static boolean verifies(String secret, WebhookReceiver.Received r) {
    return r.verifies(secret);
  }

  @Test
  void aClerkClaimingAndDecidingSendsOneSignedStatusEventPerTransitionWithoutPersonalData()
      throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Subscribed musterstadt =
        receiverOf(ItJourneys.MUSTERSTADT, Set.of(WebhookEventType.CASE_STATUS_CHANGED));
    WebhookReceiver receiver = musterstadt.receiver();
    String secret = musterstadt.secret();
    WebhookReceiver beispielheim = beispielheimEverything();
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.events.");
    String lastName = "Statusfrau" + suffix;
    String mail = "status-" + suffix + "@example.org";
    asCitizen("it-events-" + suffix, "Erika " + lastName, mail);
    String reference =
        journeys.submitMeldebescheinigung(
            service.serviceKey(), lastName, mail, mail, "Erika " + lastName);
    UUID caseId = journeys.caseOf(reference);

    asClerk("it-events-clerk-" + suffix);
    CaseOutcome claimed = work.claim(caseId, work.open(caseId).orElseThrow().version());
    assertTrue(claimed.isDone(), claimed::toString);
    String reasons = "Nicht zuständig für Frau " + lastName;
    CaseOutcome rejected = work.decide(caseId, claimed.version(), false, reasons);
    assertTrue(rejected.isDone(), rejected::toString);

    List<WebhookReceiver.Received> got = receiver.await(caseId.toString(), 2, 30_000);
    assertEquals(2, got.size(), "one event per transition: " + got);
    List<String> transitions = new ArrayList<>();
    for (WebhookReceiver.Received r : got) {
      assertTrue(verifies(secret, r), "signed with the subscription's secret");
      JsonNode body = JSON.readTree(r.body());
      assertEquals("case.status-changed", body.get("type").asText());
      assertEquals(caseId.toString(), body.at("/data/caseId").asText());
      assertEquals(reference, body.at("/data/referenceNumber").asText());
      transitions.add(body.at("/data/from").asText() + "->" + body.at("/data/to").asText());
      assertFalse(r.body().contains(lastName), "no name: " + r.body());
      assertFalse(r.body().contains(mail), "no address: " + r.body());
      assertFalse(r.body().contains("Nicht zuständig"), "no reasons: " + r.body());
      assertFalse(r.body().contains("it-events-clerk"), "no staff subject: " + r.body());
    }
    assertEquals(List.of("SUBMITTED->IN_REVIEW", "IN_REVIEW->REJECTED"), transitions);
    assertFalse(got.get(0).header("webhook-id").equals(got.get(1).header("webhook-id")));

    // Another round of the sender: still once each; and the submission itself was not sent,
    // because this subscription did not ask for it.
    asCitizen("it-events-probe-" + suffix, "Probe", "probe@example.org");
    String probe =
        journeys.submitMeldebescheinigung(
            service.serviceKey(), "Probe", "probe@example.org", null, "Probe");
    UUID probeCase = journeys.caseOf(probe);
    asClerk("it-events-clerk-" + suffix);
    assertTrue(work.claim(probeCase, work.open(probeCase).orElseThrow().version()).isDone());
    assertEquals(1, receiver.await(probeCase.toString(), 1, 30_000).size());
    assertEquals(2, receiver.with(caseId.toString()).size(), "exactly once each");
    assertTrue(
        receiver.received.stream().noneMatch(r -> r.body().contains("application.submitted")));

    // Beispielheim, subscribed to everything, received nothing of Musterstadt's.
    assertEquals(List.of(), beispielheim.with(reference));
    assertEquals(List.of(), beispielheim.with(caseId.toString()));
    assertEquals(List.of(), beispielheim.with(probe));
  }

  @Test
  void aCitizenWritingToTheAuthoritySendsMessageReceivedWithIdsOnly() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Subscribed musterstadt =
        receiverOf(ItJourneys.MUSTERSTADT, Set.of(WebhookEventType.MESSAGE_RECEIVED));
    WebhookReceiver receiver = musterstadt.receiver();
    String secret = musterstadt.secret();
    WebhookReceiver beispielheim = beispielheimEverything();

    // A general thread...
    asCitizen("it-events-writer-" + suffix, "Erika Schreiberin", "schreib-" + suffix + "@x.org");
    String text = "Wann wird die Tonne geleert? " + suffix;
    PostOutcome started =
        mailbox.startThread(ItJourneys.MUSTERSTADT, "Müllabfuhr " + suffix, text, List.of());
    assertTrue(started.isPosted(), started.problems().toString());
    // ...and her answer in it.
    PostOutcome answered =
        mailbox.reply(started.threadId(), "Noch eine Frage " + suffix, List.of());
    assertTrue(answered.isPosted(), answered.problems().toString());

    List<WebhookReceiver.Received> got = receiver.await(started.threadId().toString(), 2, 30_000);
    assertEquals(2, got.size(), "one event per message: " + got);
    List<String> messages = new ArrayList<>();
    for (WebhookReceiver.Received r : got) {
      assertTrue(verifies(secret, r));
      JsonNode body = JSON.readTree(r.body());
      assertEquals("message.received", body.get("type").asText());
      assertEquals(started.threadId().toString(), body.at("/data/threadId").asText());
      assertTrue(body.at("/data/caseId").isNull(), "a general thread has no case");
      messages.add(body.at("/data/messageId").asText());
      assertFalse(r.body().contains(suffix), "neither text nor title nor address: " + r.body());
      assertFalse(r.body().contains("Schreiberin"), r.body());
    }
    assertEquals(
        Set.of(started.messageId().toString(), answered.messageId().toString()),
        Set.copyOf(messages));

    // Staff answering is not a received message.
    asClerk("it-events-clerk-" + suffix);
    assertTrue(mailbox.writeToThread(started.threadId(), "Dienstags.", List.of()).isPosted());
    asCitizen("it-events-writer-" + suffix, "Erika Schreiberin", "schreib-" + suffix + "@x.org");
    PostOutcome third = mailbox.reply(started.threadId(), "Danke " + suffix, List.of());
    assertTrue(third.isPosted());
    assertEquals(3, receiver.await(started.threadId().toString(), 3, 30_000).size());
    Thread.sleep(3_000);
    assertEquals(
        3, receiver.with(started.threadId().toString()).size(), "once each, none for staff");

    assertEquals(List.of(), beispielheim.with(started.threadId().toString()));
  }
}
